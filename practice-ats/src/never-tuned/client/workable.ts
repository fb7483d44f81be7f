// Workable's apply page, second variant. See forms/workable.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import { calendar, checkbox, data, errorSlot, fileButton, h, radios, send, textArea, textInput } from './kit.ts';

/** Required-ness is only the visually hidden word "Required" in the label; optional says so. */
function caption(f: FieldSpec): Array<HTMLElement | string> {
  return [
    f.label,
    f.required ? h('span', { class: 'sr-only' }, ' Required') : h('span', { class: 'styles--optional' }, ' (Optional)'),
  ];
}

function row(f: FieldSpec): HTMLElement {
  const err = errorSlot(f.name, 'styles--error');
  if (f.type === 'radio') {
    return h(
      'fieldset',
      { class: 'styles--field', 'data-ui': f.name },
      h('legend', { class: 'styles--legend' }, ...caption(f)),
      ...radios(f),
      err,
    );
  }
  if (f.type === 'checkbox')
    return h(
      'div',
      { class: 'styles--field', 'data-ui': f.name },
      h('label', {}, checkbox(f), ' ', ...caption(f)),
      err,
    );
  if (f.type === 'file') {
    return h(
      'div',
      { class: 'styles--field', 'data-ui': f.name, role: 'group', 'aria-labelledby': `${f.id}-caption` },
      h('span', { class: 'styles--legend', id: `${f.id}-caption` }, ...caption(f)),
      fileButton(f, { buttonText: 'Upload a file', cls: { button: 'styles--button', name: 'styles--file' } }),
      h('p', {}, 'or drag and drop here'),
      err,
    );
  }
  const control =
    f.type === 'date'
      ? calendar(f, {
          cls: { input: 'styles--input', popup: 'styles--calendar', day: 'styles--day', nav: 'styles--nav' },
          format: 'iso',
          placeholder: 'YYYY-MM-DD',
        })
      : f.type === 'textarea'
        ? textArea(f, { class: 'styles--input' })
        : textInput(f, { class: 'styles--input' });
  return h(
    'div',
    { class: 'styles--field', 'data-ui': f.name },
    h('label', { for: f.id }, ...caption(f)),
    control,
    err,
  );
}

export function render(root: HTMLElement): void {
  const sections = [...new Set(data.fields.map((f) => f.section ?? ''))];
  const status = h('div', { role: 'alert' });
  const submit = h(
    'button',
    { type: 'submit', class: 'styles--button', 'data-ui': 'apply-button' },
    'Submit application',
  );
  const form = h(
    'form',
    {
      novalidate: true,
      'data-ui': 'application-form',
      onSubmit: async (e) => {
        e.preventDefault();
        const answer = await send();
        if (answer.status === 'accepted') {
          root.replaceChildren(
            h(
              'div',
              { class: 'styles--apply', 'data-ui': 'application-submitted' },
              h('h2', {}, 'Application submitted!'),
              h('p', {}, 'Thank you for applying.'),
            ),
          );
        } else status.textContent = 'Please fill in all required fields.';
      },
    },
    ...sections.map((s) =>
      h('section', { 'data-ui': 'section' }, h('h2', {}, s), ...data.fields.filter((f) => f.section === s).map(row)),
    ),
    status,
    submit,
  );
  root.append(
    h(
      'div',
      { class: 'styles--apply' },
      h('h1', {}, data.posting.title),
      h(
        'div',
        { class: 'styles--social' },
        h('button', { type: 'button', class: 'styles--button' }, 'Apply with LinkedIn'),
        h('button', { type: 'button', class: 'styles--button' }, 'Apply with Indeed'),
      ),
      form,
    ),
  );
}
