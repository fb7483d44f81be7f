// Ashby's application form, second variant. See forms/ashby.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import { data, errorSlot, extra, fileButton, h, pressedButtons, radios, send, textInput } from './kit.ts';

function title(f: FieldSpec): HTMLElement {
  // Ashby's question titles are labels whose `for` is the question's id, which no control carries.
  return h(
    'label',
    { class: '_heading_101oc_53 ashby-application-form-question-title', for: f.name },
    f.label,
    f.required ? h('span', { class: '_required_101oc_92' }, '*') : null,
  );
}

function control(f: FieldSpec): HTMLElement | HTMLElement[] {
  if (f.type === 'yes_no')
    return pressedButtons(f, { group: '_yesno_hkyf8_143', button: '_option_y2cw4_33', active: '_active_y2cw4_58' });
  if (f.type === 'radio') return h('div', { class: '_radio_1r2fv_30' }, ...radios(f, { id: `r${f.name.slice(0, 8)}` }));
  if (f.type === 'file') {
    return fileButton(f, {
      buttonText: 'Upload File',
      cls: { button: '_button_8wvgw_29', name: '_fileName_1hm3w' },
      uploadUrl: extra('uploadUrl'),
      attrs: { id: `${f.name}-input` },
    });
  }
  // System fields carry their name as id; custom questions get React's generated ids.
  const id = f.name.startsWith('_systemfield') ? f.name : `:r${f.name.slice(0, 4)}:`;
  return textInput(f, { id, class: '_input_1wkz4_28' });
}

export function render(root: HTMLElement): void {
  const summary = h('div', {});
  const entries = data.fields.map((f) => {
    const own = control(f);
    return h(
      'div',
      { class: '_fieldEntry_17dpp_29 ashby-application-form-field-entry' },
      title(f),
      ...(Array.isArray(own) ? own : [own]),
      errorSlot(f.name, '_errorMessage_17dpp_60'),
    );
  });
  const submit = h(
    'button',
    { type: 'submit', class: '_button_8wvgw_29 ashby-application-form-submit-button' },
    'Submit Application',
  );
  const form = h(
    'form',
    {
      class: '_form_1pqj5_28',
      novalidate: true,
      onSubmit: async (e) => {
        e.preventDefault();
        submit.textContent = 'Submitting...';
        const answer = await send();
        submit.textContent = 'Submit Application';
        if (answer.status === 'accepted') {
          root.replaceChildren(
            h(
              'div',
              { class: '_successContainer_1pqj5_120 ashby-application-form-success-container', role: 'status' },
              h('h2', {}, 'Thank you for applying'),
              h('p', {}, 'Your application was successfully submitted.'),
            ),
          );
          return;
        }
        summary.replaceChildren(
          h(
            'div',
            { class: '_errors_1pqj5_80', role: 'alert' },
            h('h4', {}, 'Your form needs corrections'),
            h('ul', {}, ...(answer.errors ?? []).map((x) => h('li', {}, `${x.label}: ${x.message}`))),
          ),
        );
      },
    },
    ...entries,
    summary,
    submit,
  );
  root.append(
    h(
      'div',
      { class: '_container_1xkm' },
      h('h1', { class: 'ashby-job-posting-heading' }, data.posting.title),
      h('p', {}, `${data.posting.department} · ${data.posting.location}`),
      h('div', { class: 'ashby-application-form-container' }, form),
    ),
  );
}
