// Workday's apply wizard, second variant. See forms/workday.ts.
import type { FieldSpec } from '../../spec/form-spec.ts';
import {
  checkbox,
  data,
  dateSpinbuttons,
  dropdownButton,
  extra,
  fileButton,
  h,
  radios,
  send,
  textInput,
  twoLevelPicker,
  values,
} from './kit.ts';

const STEPS = [
  'My Information',
  'My Experience',
  'Application Questions',
  'Voluntary Disclosures',
  'Self Identify',
  'Review',
];
const LIST = { list: 'wd-list', option: 'wd-option', active: 'wd-option-active' };

/** Workday generates every input id afresh when a step renders. */
let counter = Math.floor(Math.random() * 900) + 100;
const nextId = () => `input-${counter++}`;

function filled(f: FieldSpec): boolean {
  const v = values[f.name];
  return v instanceof File || (Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v !== '');
}

function wrapper(f: FieldSpec, id: string, control: HTMLElement | HTMLElement[], labelFor = true): HTMLElement {
  const key = f.name;
  const marker = f.required ? h('abbr', { class: 'wd-req', title: 'required', 'aria-hidden': 'true' }, '*') : null;
  return h(
    'div',
    { 'data-automation-id': `formField-${key}`, class: 'wd-field', 'aria-required': f.required ? 'true' : undefined },
    h(
      labelFor ? 'label' : 'div',
      { for: labelFor ? id : undefined, id: `${id}-label`, class: 'wd-label' },
      f.label,
      marker,
    ),
    ...(Array.isArray(control) ? control : [control]),
    h('div', { class: 'wd-error', 'data-automation-id': 'errorMessage', id: `${id}-error` }),
  );
}

/** Ticking "I have a preferred name" shows the preferred name fields (the step renders again). */
function withPreferredName(box: HTMLElement, f: FieldSpec): HTMLElement {
  if (f.name === 'preferredCheck') box.addEventListener('change', () => renderStep());
  return box;
}

function controlFor(f: FieldSpec): HTMLElement {
  const id = nextId();
  switch (f.name) {
    case 'source':
      return wrapper(
        f,
        id,
        twoLevelPicker(f, {
          cls: { ...LIST, container: 'wd-multi', pill: 'wd-pill', search: 'wd-search' },
          attrs: { id },
        }),
      );
    case 'resume':
      return wrapper(
        f,
        id,
        h(
          'div',
          { 'data-automation-id': 'file-upload-drop-zone' },
          h('p', {}, 'Drop file here'),
          fileButton(f, {
            buttonText: 'Select files',
            cls: { button: 'wd-button wd-secondary', name: 'wd-file-name' },
            uploadUrl: extra('uploadUrl'),
            attrs: { id, 'data-automation-id': 'file-upload-input-ref' },
          }),
        ),
        false,
      );
    case 'phone-extension':
      // Workday's extension input: its id carries the phone number's name.
      return wrapper(
        f,
        `phoneNumber--extension-${id}`,
        textInput(f, {
          id: `phoneNumber--extension-${id}`,
          'data-automation-id': 'phone-extension',
          class: 'wd-input',
        }),
      );
  }
  if (f.type === 'select') {
    return wrapper(
      f,
      id,
      dropdownButton(f, {
        cls: { ...LIST, button: 'wd-dropdown' },
        attrs: { id, 'data-automation-id': f.name },
        named: { question: f.label, required: f.required },
      }),
    );
  }
  if (f.type === 'radio') {
    return wrapper(
      f,
      id,
      h('div', { role: 'radiogroup', 'aria-labelledby': `${id}-label` }, ...radios(f, { id }, 'wd-radio')),
      false,
    );
  }
  if (f.type === 'checkbox') {
    return h(
      'div',
      {
        'data-automation-id': `formField-${f.name}`,
        class: 'wd-field',
        'aria-required': f.required ? 'true' : undefined,
      },
      h(
        'label',
        { for: id },
        withPreferredName(checkbox(f, { id }), f),
        ` ${f.label}`,
        f.required ? h('abbr', { class: 'wd-req', title: 'required', 'aria-hidden': 'true' }, '*') : null,
      ),
      h('div', { class: 'wd-error', 'data-automation-id': 'errorMessage' }),
    );
  }
  if (f.type === 'date') {
    return wrapper(
      f,
      `${id}-dateSectionMonth-input`,
      dateSpinbuttons(f, { cls: { wrapper: 'wd-date', section: 'wd-date-section' }, idBase: id }),
    );
  }
  return wrapper(f, id, textInput(f, { id, 'data-automation-id': f.name, class: 'wd-input' }));
}

let step = 0;
let root: HTMLElement;

function stepFields(): FieldSpec[] {
  return data.fields
    .filter((f) => f.section === STEPS[step])
    .filter((f) => f.name !== 'preferredNameSection_firstName' || values.preferredCheck === 'true');
}

function progress(): HTMLElement {
  return h(
    'ol',
    { class: 'wd-progress', 'data-automation-id': 'progressBar' },
    ...STEPS.map((s, i) =>
      h(
        'li',
        {
          'aria-current': i === step ? 'step' : undefined,
          'data-automation-id': i === step ? 'progressBarActiveStep' : 'progressBarInactiveStep',
        },
        s,
      ),
    ),
  );
}

function review(): HTMLElement[] {
  return data.fields
    .filter((f) => filled(f))
    .map((f) => {
      const v = values[f.name];
      const shown = v instanceof File ? v.name : (f.options?.find((o) => o.value === v)?.label ?? String(v));
      return h(
        'div',
        { class: 'wd-field' },
        h('div', { class: 'wd-label' }, f.label),
        h('div', {}, f.type === 'file' ? 'Uploaded' : shown),
      );
    });
}

function renderStep(): void {
  const banner = h('div', {});
  const fields = STEPS[step] === 'Review' ? [] : stepFields();
  const next = h(
    'button',
    {
      type: 'button',
      class: 'wd-button',
      'data-automation-id': STEPS[step] === 'Review' ? 'pageFooterSubmitButton' : 'pageFooterNextButton',
      onClick: async () => {
        if (STEPS[step] === 'Review') {
          const answer = await send();
          if (answer.status === 'accepted') {
            root.replaceChildren(
              h(
                'div',
                { 'data-automation-id': 'applicationSubmitted' },
                h('h2', {}, 'Application Submitted'),
                h('p', {}, `Thank you for applying to ${extra('company')}.`),
              ),
            );
            return;
          }
          banner.replaceChildren(
            h(
              'div',
              { class: 'wd-errors', role: 'alert', 'data-automation-id': 'errorBanner' },
              h('h3', {}, 'Errors Found'),
              h('ul', {}, ...(answer.errors ?? []).map((e) => h('li', {}, `${e.label}: ${e.message}`))),
            ),
          );
          return;
        }
        const missing = fields.filter((f) => f.required && !filled(f));
        if (missing.length > 0) {
          banner.replaceChildren(
            h(
              'div',
              { class: 'wd-errors', role: 'alert', 'data-automation-id': 'errorBanner' },
              h('h3', {}, 'Errors Found'),
              h(
                'ul',
                {},
                ...missing.map((f) => h('li', {}, `Error: The field ${f.label} is required and must have a value.`)),
              ),
            ),
          );
          return;
        }
        step++;
        renderStep();
      },
    },
    STEPS[step] === 'Review' ? 'Submit' : 'Save and Continue',
  );
  const back =
    step > 0
      ? h(
          'button',
          {
            type: 'button',
            class: 'wd-button wd-secondary',
            'data-automation-id': 'pageFooterBackButton',
            onClick: () => {
              step--;
              renderStep();
            },
          },
          'Back',
        )
      : null;
  root.replaceChildren(
    progress(),
    h('h2', { 'data-automation-id': 'pageHeader' }, STEPS[step] ?? ''),
    banner,
    ...(STEPS[step] === 'Review' ? review() : fields.map(controlFor)),
    h('div', { class: 'wd-footer' }, back, next),
  );
}

function startWizard(): void {
  if (location.pathname !== extra('applyPath')) history.pushState({}, '', extra('applyPath'));
  renderStep();
}

function jobPage(): void {
  const dialog = h(
    'div',
    {
      role: 'dialog',
      'aria-label': 'Start Your Application',
      'data-automation-id': 'startApplicationDialog',
      hidden: true,
    },
    h('h2', {}, 'Start Your Application'),
    h(
      'button',
      { type: 'button', class: 'wd-button', 'data-automation-id': 'autofillWithResume' },
      'Autofill with Resume',
    ),
    h(
      'button',
      { type: 'button', class: 'wd-button', 'data-automation-id': 'applyManually', onClick: startWizard },
      'Apply Manually',
    ),
    h(
      'button',
      { type: 'button', class: 'wd-button wd-secondary', 'data-automation-id': 'useMyLastApplication' },
      'Use My Last Application',
    ),
  );
  root.replaceChildren(
    h('h2', { 'data-automation-id': 'jobPostingHeader' }, data.posting.title),
    h('p', {}, data.posting.location),
    h('div', { 'data-automation-id': 'jobPostingDescription' }, data.posting.company),
    h(
      'a',
      {
        role: 'button',
        href: '#',
        class: 'wd-button',
        'data-automation-id': 'adventureButton',
        onClick: (e) => {
          e.preventDefault();
          dialog.removeAttribute('hidden');
        },
      },
      'Apply',
    ),
    dialog,
  );
}

export function render(mount: HTMLElement): void {
  root = mount;
  if (location.pathname === extra('applyPath')) renderStep();
  else jobPage();
}
