// Teamtailor's application form, second family. See forms/teamtailor.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import { checkbox, chips, combobox, data, errorSlot, field, fileButton, h, send, textArea, textInput } from './kit.ts';

const ITI = {
  control: 'iti__selected-flag',
  input: 'iti__search',
  value: 'iti__selected-dial-code',
  placeholder: 'iti__selected-dial-code',
  list: 'iti__country-list',
  option: 'iti__country',
  active: 'iti__highlight',
};

function group(f: FieldSpec, ...content: HTMLElement[]): HTMLElement {
  return h('div', { class: 'form-group' }, ...content, errorSlot(f.name, 'error'));
}

function row(f: FieldSpec): HTMLElement | null {
  if (f.name === 'candidate[phone_country]') return null;
  if (f.name === 'candidate[phone]') {
    return group(
      f,
      h('label', { for: f.id }, f.label, ' *'),
      h(
        'div',
        { class: 'iti' },
        combobox(field('candidate[phone_country]'), {
          cls: ITI,
          portal: false,
          placeholder: '+',
          attrs: { 'aria-label': 'Country code' },
        }),
        textInput(f, { class: 'form-control' }),
      ),
    );
  }
  if (f.type === 'yes_no') {
    return group(
      f,
      h('span', { class: 'form-label', id: `${f.id}-label` }, f.label, ' *'),
      chips(f, { group: 'choices', chip: 'choice', active: 'choice--selected' }, `${f.id}-label`),
    );
  }
  if (f.type === 'checkbox')
    return group(f, h('label', { for: f.id }, checkbox(f), ` ${f.label}`, f.required ? ' *' : ''));
  if (f.type === 'file') {
    return group(
      f,
      h('span', { class: 'form-label' }, f.label, ' *'),
      fileButton(f, { buttonText: 'Upload CV', cls: { button: 'btn', name: 'file-name' } }),
    );
  }
  const control =
    f.type === 'textarea' ? textArea(f, { class: 'form-control' }) : textInput(f, { class: 'form-control' });
  return group(f, h('label', { for: f.id }, f.label, f.required ? ' *' : ''), control);
}

export function render(root: HTMLElement): void {
  const status = h('div', { role: 'alert', class: 'error' });
  const form = h(
    'form',
    {
      novalidate: true,
      id: 'new_candidate',
      onSubmit: async (e) => {
        e.preventDefault();
        const answer = await send();
        if (answer.status === 'accepted')
          root.replaceChildren(
            h(
              'div',
              { class: 'application' },
              h('h2', {}, 'Thanks for applying!'),
              h('p', {}, 'We have received your application.'),
            ),
          );
        else status.textContent = 'Please fill in the required fields.';
      },
    },
    ...data.fields.map(row).filter((x): x is HTMLElement => x !== null),
    status,
    h('button', { type: 'submit', class: 'btn' }, 'Send application'),
  );
  root.append(
    h(
      'div',
      { class: 'application' },
      h('h1', {}, data.posting.title),
      h('p', {}, data.posting.location),
      h('button', { type: 'button', class: 'btn btn--linkedin' }, 'Apply with LinkedIn'),
      h('h2', {}, 'Or apply here'),
      form,
    ),
  );
}
