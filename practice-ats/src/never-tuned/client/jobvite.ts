// Jobvite's apply page, second family. See forms/jobvite.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import { calendar, data, errorSlot, fileButton, h, nativeSelect, send, textArea, textInput } from './kit.ts';

function row(f: FieldSpec): HTMLElement {
  let control: HTMLElement;
  if (f.type === 'select') control = nativeSelect(f, {}, 'Please Select');
  else if (f.type === 'textarea') control = textArea(f);
  else if (f.type === 'file')
    control = fileButton(f, {
      buttonText: 'Upload',
      cls: { button: 'jv-button', name: 'jv-file' },
      attrs: { id: f.id },
    });
  else if (f.type === 'date')
    control = calendar(f, {
      cls: { input: 'jv-date', popup: 'jv-cal', day: 'jv-day', nav: 'jv-nav' },
      format: 'iso',
      placeholder: 'YYYY-MM-DD',
    });
  else control = textInput(f);
  // The page marks required fields with an asterisk... except the motivation question.
  const marked = f.required && f.type !== 'textarea';
  return h(
    'div',
    { class: 'jv-field' },
    h(
      f.type === 'file' ? 'span' : 'label',
      { for: f.type === 'file' ? undefined : f.id },
      f.label,
      marked ? h('span', { class: 'jv-required' }, ' *') : null,
    ),
    control,
    errorSlot(f.name, 'jv-error'),
  );
}

export function render(root: HTMLElement): void {
  const status = h('div', { role: 'alert', class: 'jv-error' });
  const main = data.fields.filter((f) => !f.section);
  const selfId = data.fields.filter((f) => f.section);
  const form = h(
    'form',
    {
      novalidate: true,
      class: 'jv-apply-form',
      onSubmit: async (e) => {
        e.preventDefault();
        const answer = await send();
        if (answer.status === 'accepted')
          root.replaceChildren(h('div', { class: 'jv-confirmation' }, h('h2', {}, 'Thank you for your application!')));
        else status.textContent = 'Please correct the errors below and submit again.';
      },
    },
    ...main.map(row),
    h(
      'fieldset',
      {},
      h('legend', {}, selfId[0]?.section ?? ''),
      h('p', {}, 'Completing this form is voluntary.'),
      ...selfId.map(row),
    ),
    status,
    h('button', { type: 'submit', class: 'jv-button' }, 'Send Application'),
  );
  root.append(
    h('h1', { class: 'jv-header' }, data.posting.title),
    h(
      'div',
      { class: 'jv-social' },
      h('button', { type: 'button', class: 'jv-button' }, 'Apply with LinkedIn'),
      h('button', { type: 'button', class: 'jv-button' }, 'Apply with Indeed'),
    ),
    form,
  );
}
