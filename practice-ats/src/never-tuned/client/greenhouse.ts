// Greenhouse job board (React, react-select), second variant. See forms/greenhouse.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import {
  checkbox,
  combobox,
  data,
  errorSlot,
  field,
  fileButton,
  h,
  searchLocations,
  send,
  textInput,
  typeahead,
} from './kit.ts';

const SELECT = {
  control: 'select__control',
  input: 'select__input',
  value: 'select__single-value',
  placeholder: 'select__placeholder',
  list: 'select__menu',
  option: 'select__option',
  active: 'select__option--is-focused',
};

function label(f: FieldSpec, forId: string | null = f.id): HTMLElement {
  return h(
    forId ? 'label' : 'div',
    { id: `${f.id}-label`, for: forId ?? undefined, class: 'label' },
    f.label,
    f.required ? h('span', { 'aria-hidden': 'true', class: 'required' }, '*') : null,
  );
}

const error = (f: FieldSpec) => errorSlot(f.name, 'helper-text helper-text--error', `${f.id}-error`);

function text(name: string, autocomplete: string): HTMLElement {
  const f = field(name);
  return h(
    'div',
    { class: 'input-wrapper' },
    label(f),
    textInput(f, { class: 'input input__single-line', 'aria-required': f.required ? 'true' : undefined, autocomplete }),
    error(f),
  );
}

function select(name: string): HTMLElement {
  const f = field(name);
  return h(
    'div',
    { class: 'select__container' },
    label(f),
    combobox(f, {
      cls: SELECT,
      portal: true,
      hideOthers: true,
      attrs: { 'aria-labelledby': `${f.id}-label`, 'aria-required': f.required ? 'true' : undefined },
    }),
    error(f),
  );
}

function upload(name: string): HTMLElement {
  const f = field(name);
  return h(
    'div',
    { class: 'file-upload', role: 'group', 'aria-labelledby': `${f.id}-label` },
    label(f, null),
    fileButton(f, { buttonText: 'Attach', cls: { button: 'btn btn--pill', name: 'file-upload__filename' } }),
    h(
      'div',
      { class: 'file-upload__secondary' },
      h('button', { type: 'button', class: 'btn' }, 'Dropbox'),
      h('button', { type: 'button', class: 'btn' }, 'Enter manually'),
    ),
    h('p', { class: 'file-upload__accepted' }, 'Accepted file types: pdf, doc, docx, txt, rtf'),
    error(f),
  );
}

export function render(root: HTMLElement): void {
  const phoneCountry = field('phone_country');
  const phone = field('phone');
  const location = field('candidate_location');
  const consent = field('question_30286');
  const status = h('div', { role: 'status' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Submit application');
  const eeo = data.fields.filter((f) => f.section);
  const form = h(
    'form',
    {
      id: 'application-form',
      class: 'application--form',
      novalidate: true,
      onSubmit: async (e) => {
        e.preventDefault();
        submit.setAttribute('disabled', '');
        const answer = await send();
        submit.removeAttribute('disabled');
        if (answer.status === 'accepted') {
          root.replaceChildren(
            h(
              'div',
              { class: 'application--confirmation' },
              h('h1', {}, 'Thank you for applying.'),
              h('p', {}, `Your application has been received. We will review it and be in touch.`),
            ),
          );
        } else status.textContent = 'Please complete all required fields.';
      },
    },
    h('h2', { class: 'section-header' }, 'Apply for this job'),
    h('button', { type: 'button', class: 'btn autofill' }, 'Autofill with MyGreenhouse'),
    h('p', {}, h('span', { class: 'required' }, '*'), ' indicates a required field'),
    text('first_name', 'given-name'),
    text('last_name', 'family-name'),
    text('preferred_name', 'off'),
    text('email', 'email'),
    h(
      'div',
      { class: 'input-wrapper' },
      label(phone),
      h(
        'div',
        { class: 'phone-input' },
        combobox(phoneCountry, { cls: SELECT, portal: true, hideOthers: true, attrs: { 'aria-label': 'Country' } }),
        textInput(phone, { class: 'input', type: 'tel', 'aria-required': 'true', autocomplete: 'tel-national' }),
      ),
      error(phone),
    ),
    h(
      'div',
      { class: 'input-wrapper' },
      label(location),
      typeahead(location, {
        search: searchLocations,
        cls: { input: 'input', list: 'location-menu', option: 'location-option', active: 'select__option--is-focused' },
      }),
      error(location),
    ),
    upload('resume'),
    upload('cover_letter'),
    text('question_30281', 'off'),
    select('question_30282'),
    select('question_30283'),
    select('question_30284'),
    select('question_30285'),
    h(
      'div',
      { class: 'checkbox__wrapper' },
      h(
        'label',
        { for: consent.id },
        checkbox(consent, { 'aria-required': 'true' }),
        ` ${consent.label}`,
        h('span', { 'aria-hidden': 'true', class: 'required' }, '*'),
      ),
      error(consent),
    ),
    h(
      'div',
      { class: 'eeoc' },
      h(
        'h3',
        {},
        'U.S. Equal Opportunity Employment Information (Completion is voluntary and will not subject you to adverse treatment)',
      ),
      ...eeo.map((f) => select(f.name)),
    ),
    status,
    submit,
  );
  root.append(h('div', { class: 'application--container' }, form));
}
