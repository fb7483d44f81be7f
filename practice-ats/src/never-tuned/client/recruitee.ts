// Recruitee's application form, second family. See forms/recruitee.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import {
  data,
  errorSlot,
  fileButton,
  h,
  nativeSelect,
  pressedButtons,
  searchLocations,
  send,
  textArea,
  textInput,
  typeahead,
} from './kit.ts';

function row(f: FieldSpec): HTMLElement {
  // Required fields carry "(Required)" in their accessible name only; nothing visible marks them.
  const name = f.required ? `${f.label} (Required)` : f.label;
  let control: HTMLElement;
  if (f.type === 'yes_no') control = pressedButtons(f, { group: 'rt-yesno', button: 'rt-choice', active: 'is-active' });
  else if (f.type === 'select')
    control = nativeSelect(f, { class: 'rt-input', 'aria-label': name }, 'Choose an option');
  else if (f.type === 'file')
    control = fileButton(f, {
      buttonText: 'Upload a file',
      cls: { button: 'rt-button', name: 'rt-file' },
      attrs: { id: f.id, 'aria-label': name },
    });
  else if (f.type === 'location')
    control = typeahead(f, {
      search: searchLocations,
      cls: { input: 'rt-input', list: 'rt-suggest', option: 'rt-suggestion', active: 'is-active' },
      attrs: { 'aria-label': name },
    });
  else if (f.type === 'textarea') control = textArea(f, { class: 'rt-input', 'aria-label': name });
  else control = textInput(f, { class: 'rt-input', 'aria-label': name });
  const grouped = f.type === 'yes_no' || f.type === 'file';
  return h(
    'div',
    {
      class: 'rt-field',
      role: f.type === 'yes_no' ? 'group' : undefined,
      'aria-label': f.type === 'yes_no' ? name : undefined,
    },
    h(grouped ? 'span' : 'label', { class: 'rt-caption', for: grouped ? undefined : f.id }, f.label),
    control,
    errorSlot(f.name, 'rt-error'),
  );
}

export function render(root: HTMLElement): void {
  const status = h('div', { role: 'alert', class: 'rt-error' });
  const form = h(
    'form',
    {
      novalidate: true,
      class: 'rt-form',
      onSubmit: async (e) => {
        e.preventDefault();
        const answer = await send();
        if (answer.status === 'accepted')
          root.replaceChildren(
            h(
              'div',
              { class: 'rt-form' },
              h('h2', {}, 'Application sent'),
              h('p', {}, 'Thank you! We will be in touch.'),
            ),
          );
        else status.textContent = 'Please check the form for errors.';
      },
    },
    h('h1', {}, data.posting.title),
    ...data.fields.map(row),
    status,
    h('button', { type: 'submit', class: 'rt-button' }, 'Apply'),
  );
  root.append(form);
}
