// Workday's candidate experience as a React wizard: "Apply" → "Apply Manually" → create account or
// sign in → My Information → My Experience → Application Questions → Voluntary Disclosures →
// Self Identify → Review → Submit. Every control carries its data-automation-id; dropdowns are
// buttons with a listbox of promptOptions, not native selects; each step is checked by the server
// before the next one opens ("Errors Found").
import { createElement as h, type ReactNode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Checkbox,
  type ControlProps,
  DatePicker,
  FileInput,
  OptionList,
  TextArea,
  TextInput,
  text,
} from '../../client/controls.ts';
import { controlProps, type Skin } from '../../client/field-control.ts';
import { readPageData } from '../../client/page-data.ts';
import { type Application, postApplication, toFormData, useApplication } from '../../client/use-application.ts';
import type { FieldOption, FieldSpec } from '../../spec/form-spec.ts';

const data = readPageData();
const extra = data.extra as {
  steps: string[];
  accountUrl: string;
  homeUrl: string;
  signedInAs: string | null;
  alreadyApplied: boolean;
};

/** The listbox Workday's dropdowns and prompts open: promptOptions, one per option. */
function PromptOptions(p: {
  field: FieldSpec;
  options: FieldOption[];
  value: unknown;
  pick: (value: string) => void;
}): ReactNode {
  return h(
    'ul',
    { role: 'listbox', 'aria-labelledby': `${p.field.id}-label`, className: 'css-listbox' },
    p.options.map((o) =>
      h(
        'li',
        {
          key: o.value,
          role: 'option',
          'data-automation-id': 'promptOption',
          'data-automation-label': o.label,
          'aria-selected': o.value === p.value ? 'true' : 'false',
          onClick: () => p.pick(o.value),
        },
        o.label,
      ),
    ),
  );
}

/** Workday's dropdown: a button that opens a listbox of promptOptions. */
function DropdownButton(p: ControlProps): ReactNode {
  const [open, setOpen] = useState(false);
  const chosen = p.field.options?.find((o) => o.value === p.value);
  return h(
    'div',
    { className: 'css-dropdown' },
    h(
      'button',
      {
        type: 'button',
        id: p.field.id,
        'data-automation-id': p.field.name,
        'aria-haspopup': 'listbox',
        'aria-expanded': open ? 'true' : 'false',
        'aria-labelledby': `${p.field.id}-label ${p.field.id}`,
        'aria-invalid': p.invalid ? 'true' : undefined,
        'aria-required': p.field.required ? 'true' : undefined,
        value: chosen?.value ?? '',
        onClick: () => setOpen(!open),
      },
      chosen?.label ?? 'Select One',
    ),
    open
      ? h(PromptOptions, {
          field: p.field,
          options: p.field.options ?? [],
          value: p.value,
          pick: (value) => {
            p.onChange(value);
            setOpen(false);
          },
        })
      : null,
  );
}

/** "How Did You Hear About Us?": a searchable prompt that shows the pick as a pill. */
function Prompt(p: ControlProps): ReactNode {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const chosen = p.field.options?.find((o) => o.value === p.value);
  const shown = (p.field.options ?? []).filter((o) => o.label.toLowerCase().includes(search.toLowerCase()));
  return h(
    'div',
    { 'data-automation-id': 'multiselectInputContainer', className: 'css-prompt' },
    chosen
      ? h(
          'div',
          { 'data-automation-id': 'selectedItem', className: 'css-pill' },
          chosen.label,
          h('button', { type: 'button', 'aria-label': `Remove ${chosen.label}`, onClick: () => p.onChange('') }, '×'),
        )
      : null,
    h('input', {
      id: p.field.id,
      'data-automation-id': 'searchBox',
      placeholder: 'Search',
      role: 'combobox',
      'aria-expanded': open ? 'true' : 'false',
      'aria-labelledby': `${p.field.id}-label`,
      'aria-invalid': p.invalid ? 'true' : undefined,
      value: search,
      onFocus: () => setOpen(true),
      onChange: (e: { target: HTMLInputElement }) => {
        setSearch(e.target.value);
        setOpen(true);
      },
    }),
    open
      ? h(PromptOptions, {
          field: p.field,
          options: shown,
          value: p.value,
          pick: (value) => {
            p.onChange(value);
            setSearch('');
            setOpen(false);
          },
        })
      : null,
  );
}

const SKIN: Skin = { file: { buttonLabel: 'Select files' }, attrs: (field) => ({ 'data-automation-id': field.name }) };

function control(field: FieldSpec, app: Application): ReactNode {
  const props = controlProps(field, app, SKIN);
  if (field.name === 'source') return h(Prompt, props);
  switch (field.type) {
    case 'combobox':
      return h(DropdownButton, props);
    case 'radio':
      return h(OptionList, { ...props, className: 'css-radio-group' });
    case 'checkbox':
      return h(Checkbox, { ...props, label: field.label });
    case 'date':
      return h(DatePicker, { ...props, buttonAttrs: { 'data-automation-id': 'dateIcon' } });
    case 'file':
      return h(FileInput, {
        ...props,
        buttonLabel: 'Select files',
        attrs: { 'data-automation-id': 'file-upload-input-ref' },
      });
    case 'textarea':
      return h(TextArea, props);
    default:
      return h(TextInput, props);
  }
}

function FormField(p: { field: FieldSpec; app: Application }): ReactNode {
  const { field, app } = p;
  const error = app.errors[field.name];
  const grouped = field.type === 'radio' || field.type === 'combobox';
  return h(
    'div',
    { 'data-automation-id': `formField-${field.name}`, className: `css-formfield${error ? ' css-error' : ''}` },
    field.type === 'checkbox'
      ? null
      : h(
          grouped ? 'div' : 'label',
          { id: `${field.id}-label`, htmlFor: grouped ? undefined : field.id, className: 'css-label' },
          field.label,
          field.required ? h('abbr', { title: 'required', className: 'css-required' }, '*') : null,
        ),
    control(field, app),
    error
      ? h(
          'p',
          { id: `${field.id}-error`, 'data-automation-id': 'errorMessage', className: 'css-errortext' },
          `Error: ${error}`,
        )
      : null,
  );
}

function ErrorBanner(p: { messages: string[] }): ReactNode {
  return p.messages.length === 0
    ? null
    : h(
        'div',
        { 'data-automation-id': 'errorBanner', role: 'alert', className: 'css-banner' },
        h('strong', null, p.messages.length === 1 ? '1 Error Found' : `${p.messages.length} Errors Found`),
        h(
          'ul',
          null,
          p.messages.map((m) => h('li', { key: m }, m)),
        ),
      );
}

function Account(p: { onSignedIn: (email: string) => void }): ReactNode {
  const [mode, setMode] = useState<'create' | 'signin'>('create');
  const [form, setForm] = useState({ email: '', password: '', verifyPassword: '', agree: false });
  const [error, setError] = useState<string | null>(null);
  const field = (name: 'email' | 'password' | 'verifyPassword', label: string, type: string) =>
    h(
      'div',
      { className: 'css-formfield', key: name },
      h(
        'label',
        { htmlFor: `input-${name}`, className: 'css-label' },
        label,
        h('abbr', { className: 'css-required' }, '*'),
      ),
      h('input', {
        id: `input-${name}`,
        type,
        'data-automation-id': name,
        value: form[name],
        onChange: (e: { target: HTMLInputElement }) => setForm({ ...form, [name]: e.target.value }),
      }),
    );
  const submit = async () => {
    const res = await fetch(extra.accountUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode, ...form }),
    });
    const body = (await res.json()) as { email?: string; error?: string };
    if (res.ok && body.email) p.onSignedIn(body.email);
    else setError(body.error ?? 'Something went wrong.');
  };
  return h(
    'section',
    { 'data-automation-id': mode === 'create' ? 'createAccountPage' : 'signInPage', className: 'css-card' },
    h('h2', null, mode === 'create' ? 'Create Account' : 'Sign In'),
    error ? h(ErrorBanner, { messages: [error] }) : null,
    field('email', 'Email Address', 'email'),
    field('password', 'Password', 'password'),
    mode === 'create' ? field('verifyPassword', 'Verify New Password', 'password') : null,
    mode === 'create'
      ? h(
          'label',
          { className: 'css-checkbox' },
          h('input', {
            type: 'checkbox',
            'data-automation-id': 'createAccountCheckbox',
            checked: form.agree,
            onChange: (e: { target: HTMLInputElement }) => setForm({ ...form, agree: e.target.checked }),
          }),
          ' Yes, I have read and consent to the terms and conditions',
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        className: 'css-primary',
        'data-automation-id': mode === 'create' ? 'createAccountSubmitButton' : 'signInSubmitButton',
        onClick: () => void submit(),
      },
      mode === 'create' ? 'Create Account' : 'Sign In',
    ),
    h(
      'button',
      {
        type: 'button',
        className: 'css-link',
        'data-automation-id': mode === 'create' ? 'signInLink' : 'createAccountLink',
        onClick: () => {
          setError(null);
          setMode(mode === 'create' ? 'signin' : 'create');
        },
      },
      mode === 'create' ? 'Already have an account? Sign In' : "Don't have an account yet? Create Account",
    ),
  );
}

function label(field: FieldSpec, value: unknown): string {
  if (value instanceof File) return value.name;
  const v = text(value as string);
  return field.options?.find((o) => o.value === v)?.label ?? v;
}

function Wizard(p: { email: string }): ReactNode {
  // Workday fills in the account's email and today's date for the signature.
  const app = useApplication(data.fields, data.submitUrl, () => {
    const now = new Date();
    const today = `${String(now.getMonth() + 1).padStart(2, '0')}/${String(now.getDate()).padStart(2, '0')}/${now.getFullYear()}`;
    return { email: p.email, selfIdDate: today };
  });
  const [step, setStep] = useState(0);
  const [banner, setBanner] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const steps = extra.steps;
  const review = step === steps.length;
  const fields = data.fields.filter((f) => f.section === steps[step]);

  const next = async () => {
    const body = toFormData(fields, app.values, { step: steps[step] ?? '' });
    const answer = await postApplication(`${data.submitUrl}/validate`, body);
    if (answer.status === 'invalid' && answer.errors) {
      setBanner(answer.errors.map((e) => e.message));
      for (const e of answer.errors) app.fail(e.field, e.message);
      return;
    }
    setBanner([]);
    setStep(step + 1);
  };
  const submit = async () => {
    const answer = await app.submit();
    if (answer.status === 'accepted') setDone(true);
    else
      setBanner(
        answer.status === 'already-applied' ? [answer.message ?? ''] : (answer.errors ?? []).map((e) => e.message),
      );
  };

  if (done) {
    return h(
      'section',
      { 'data-automation-id': 'congratulationsPopup', role: 'status', className: 'css-card' },
      h('h2', null, 'Application Submitted'),
      h(
        'p',
        null,
        `Thank you for applying for ${data.posting.title}. You can follow your application in your candidate home.`,
      ),
      h('a', { href: extra.homeUrl, 'data-automation-id': 'candidateHomeLink' }, 'Go to Candidate Home'),
    );
  }
  return h(
    'section',
    { className: 'css-wizard' },
    h(
      'ol',
      { 'data-automation-id': 'progressBar', className: 'css-progress' },
      [...steps, 'Review'].map((s, i) =>
        h(
          'li',
          {
            key: s,
            'data-automation-id': i === step ? 'progressBarActiveStep' : 'progressBarInactiveStep',
            'aria-current': i === step ? 'step' : undefined,
          },
          s,
        ),
      ),
    ),
    h('h2', { 'data-automation-id': 'pageHeader' }, review ? 'Review' : steps[step]),
    h(ErrorBanner, { messages: banner }),
    review
      ? h(
          'dl',
          { 'data-automation-id': 'reviewPage' },
          data.fields.map((f) => [
            h('dt', { key: `${f.name}-t` }, f.label),
            h('dd', { key: `${f.name}-d` }, label(f, app.values[f.name])),
          ]),
        )
      : fields.map((f) => h(FormField, { key: f.name, field: f, app })),
    h(
      'div',
      { className: 'css-footer' },
      step > 0
        ? h(
            'button',
            {
              type: 'button',
              'data-automation-id': 'bottom-navigation-previous-button',
              onClick: () => setStep(step - 1),
            },
            'Back',
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          className: 'css-primary',
          'data-automation-id': 'bottom-navigation-next-button',
          disabled: app.submitting,
          onClick: () => void (review ? submit() : next()),
        },
        review ? 'Submit' : 'Save and Continue',
      ),
    ),
  );
}

function Apply(): ReactNode {
  const [phase, setPhase] = useState<'start' | 'account' | 'wizard'>('start');
  const [email, setEmail] = useState(extra.signedInAs);
  if (extra.alreadyApplied) {
    return h(
      'section',
      { className: 'css-card', role: 'alert', 'data-automation-id': 'alreadyApplied' },
      h('h2', null, 'You have already applied for this job'),
      h(
        'a',
        { href: extra.homeUrl, 'data-automation-id': 'candidateHomeLink' },
        'View your application in Candidate Home',
      ),
    );
  }
  if (phase === 'start') {
    return h(
      'div',
      {
        role: 'dialog',
        'aria-label': 'Start Your Application',
        'data-automation-id': 'applyAdventurePage',
        className: 'css-card',
      },
      h('h2', null, 'Start Your Application'),
      h(
        'button',
        { type: 'button', 'data-automation-id': 'autofillWithResume', disabled: true },
        'Autofill with Resume',
      ),
      h(
        'button',
        {
          type: 'button',
          className: 'css-primary',
          'data-automation-id': 'applyManually',
          onClick: () => setPhase(email ? 'wizard' : 'account'),
        },
        'Apply Manually',
      ),
    );
  }
  if (phase === 'account' || !email) {
    return h(Account, {
      onSignedIn: (signedIn) => {
        setEmail(signedIn);
        setPhase('wizard');
      },
    });
  }
  return h(Wizard, { email });
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(Apply));
