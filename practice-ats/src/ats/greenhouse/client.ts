// Greenhouse's newer job-boards design (job-boards.greenhouse.io): a React form with react-select
// comboboxes, an Attach / Enter manually resume widget and helper-text errors under each field.
import { createElement as h, type ReactNode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FileInput, TextArea } from '../../client/controls.ts';
import { fieldControl, type Skin } from '../../client/field-control.ts';
import { readPageData } from '../../client/page-data.ts';
import { type Application, useApplication } from '../../client/use-application.ts';
import type { FieldSpec } from '../../spec/form-spec.ts';

const data = readPageData();
const SELECT_CLASSES = {
  container: 'select__container',
  input: 'select__input',
  menu: 'select__menu',
  option: 'select__option',
  focused: 'select__option--is-focused',
};

function Label(p: { field: FieldSpec; as?: 'label' | 'div' }): ReactNode {
  return h(
    p.as ?? 'label',
    { id: `${p.field.id}-label`, htmlFor: p.as === 'div' ? undefined : p.field.id, className: 'label' },
    p.field.label,
    p.field.required ? h('span', { 'aria-hidden': 'true', className: 'required' }, '*') : null,
  );
}

function Upload(p: { field: FieldSpec; pasted?: FieldSpec; app: Application }): ReactNode {
  const [manual, setManual] = useState(false);
  const error = p.app.errors[p.field.name];
  return h(
    'div',
    { className: 'file-upload', role: 'group', 'aria-labelledby': `upload-label-${p.field.id}` },
    h(
      'div',
      { id: `upload-label-${p.field.id}`, className: 'label upload-label' },
      p.field.label,
      p.field.required ? '*' : '',
    ),
    manual && p.pasted
      ? h(TextArea, {
          field: p.pasted,
          value: p.app.values[p.pasted.name] ?? '',
          onChange: (v) => p.app.set(p.pasted!.name, v),
          labelledBy: `upload-label-${p.field.id}`,
        })
      : h(
          'div',
          { className: 'file-upload__wrapper' },
          h(FileInput, {
            field: p.field,
            value: p.app.values[p.field.name] ?? null,
            onChange: (v) => p.app.set(p.field.name, v),
            buttonLabel: 'Attach',
            buttonClass: 'btn btn--pill',
            invalid: error !== undefined,
            labelledBy: `upload-label-${p.field.id}`,
          }),
          p.pasted
            ? h(
                'button',
                { type: 'button', className: 'btn btn--pill', onClick: () => setManual(true) },
                'Enter manually',
              )
            : null,
        ),
    h('p', { className: 'file-upload__filetypes' }, 'Accepted file types: pdf, doc, docx, txt, rtf'),
    error ? h('p', { className: 'helper-text helper-text--error', id: `${p.field.id}-error` }, error) : null,
  );
}

const SKIN: Skin = {
  input: 'input input__single-line',
  textarea: 'input input__multi-line',
  combobox: SELECT_CLASSES,
  options: { group: 'checkbox__wrapper' },
  file: { buttonLabel: 'Attach', buttonClass: 'btn btn--pill' },
};

function Question(p: { field: FieldSpec; app: Application }): ReactNode {
  const { field, app } = p;
  const error = app.errors[field.name];
  const select = field.type === 'combobox' || field.type === 'location';
  return h(
    'div',
    { className: select ? 'select' : 'text-input-wrapper' },
    h(
      'div',
      { className: 'input-wrapper' },
      h(Label, { field, as: field.type === 'checkbox_group' ? 'div' : 'label' }),
      fieldControl(field, app, SKIN),
    ),
    error ? h('p', { className: 'helper-text helper-text--error', id: `${field.id}-error` }, error) : null,
  );
}

function App(): ReactNode {
  const app = useApplication(data.fields, data.submitUrl);
  const visible = data.fields.filter((f) => f.alternativeTo === undefined);
  const render = (f: FieldSpec) =>
    f.type === 'file'
      ? h(Upload, { key: f.name, field: f, pasted: data.fields.find((x) => x.alternativeTo === f.name), app })
      : h(Question, { key: f.name, field: f, app });
  const eeoc = visible.filter((f) => f.section === 'Voluntary Self-Identification');
  return h(
    'form',
    {
      id: 'application-form',
      className: 'application--form',
      noValidate: true,
      onSubmit: (e: { preventDefault(): void }) => {
        e.preventDefault();
        void app.submit();
      },
    },
    app.answer?.status === 'already-applied'
      ? h('div', { className: 'application--error already-applied', role: 'alert' }, app.answer.message)
      : null,
    app.answer?.status === 'invalid'
      ? h(
          'div',
          { className: 'application--error', role: 'alert' },
          'Please complete the required fields and fix the errors below.',
        )
      : null,
    h('div', { className: 'application--questions' }, visible.filter((f) => !eeoc.includes(f)).map(render)),
    h(
      'div',
      { className: 'eeoc__container' },
      h('h3', { className: 'section-header' }, 'Voluntary Self-Identification'),
      h(
        'p',
        null,
        'For government reporting purposes, we ask candidates to respond to the below self-identification survey. Completion of the form is entirely voluntary.',
      ),
      eeoc.map(render),
    ),
    h('button', { type: 'submit', className: 'btn btn--rounded', disabled: app.submitting }, 'Submit application'),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(App));
