// BambooHR's careers application, second family. See forms/bamboohr.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import { calendar, combobox, data, errorSlot, extra, fileButton, h, send, textInput } from './kit.ts';

const SELECT = {
  control: 'fab-SelectToggle',
  input: 'fab-SelectToggle__input',
  value: 'fab-SelectToggle__content',
  placeholder: 'fab-SelectToggle__content fab-SelectToggle__placeholder',
  list: 'fab-MenuList',
  option: 'fab-MenuOption',
  active: 'fab-MenuOption--active',
};

function row(f: FieldSpec): HTMLElement {
  const labelCls = f.required ? 'fab-Label fab-Label--required' : 'fab-Label';
  let control: HTMLElement;
  if (f.type === 'combobox')
    control = combobox(f, {
      cls: SELECT,
      portal: true,
      hideOthers: true,
      placeholder: '–Select–',
      attrs: { 'aria-labelledby': `${f.id}-label` },
    });
  else if (f.type === 'file')
    control = fileButton(f, {
      buttonText: 'Choose File',
      cls: { button: 'fab-Button', name: 'fab-FileName' },
      uploadUrl: extra('uploadUrl'),
      attrs: { id: f.id },
    });
  else if (f.type === 'date')
    control = calendar(f, {
      cls: { input: 'fab-TextInput', popup: 'cal-pop', day: 'cal-day', nav: 'cal-nav' },
      format: 'mdy',
      placeholder: 'mm/dd/yyyy',
    });
  else control = textInput(f, { class: 'fab-TextInput' });
  const labelled = f.type === 'combobox' || f.type === 'file';
  return h(
    'div',
    { class: 'fab-FormField' },
    h(labelled ? 'span' : 'label', { class: labelCls, id: `${f.id}-label`, for: labelled ? undefined : f.id }, f.label),
    control,
    errorSlot(f.name, 'fab-FormField__error'),
  );
}

export function render(root: HTMLElement): void {
  const status = h('div', { role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'fab-Button' }, 'Submit Application');
  const form = h(
    'form',
    {
      novalidate: true,
      class: 'ApplicationForm',
      onSubmit: async (e) => {
        e.preventDefault();
        const answer = await send();
        if (answer.status === 'accepted') {
          root.replaceChildren(
            h(
              'div',
              { class: 'ApplicationConfirmation' },
              h('h2', {}, 'Application Submitted!'),
              h('p', {}, `Thanks for applying to ${data.posting.company}.`),
            ),
          );
        } else status.textContent = 'Some required fields are missing.';
      },
    },
    ...data.fields.map(row),
    status,
    submit,
  );
  root.append(
    h('h2', { class: 'fab-Page__title' }, data.posting.title),
    h('p', {}, data.posting.location),
    h('h3', {}, 'Apply for This Job'),
    form,
  );
}
