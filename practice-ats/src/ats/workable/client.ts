// Workable's application page as a React form in sections, with a Write / Upload switch for the
// cover letter, checkbox groups, a date picker and "Submit application".
import { createElement as h, type ReactNode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { fieldControl, type Skin } from '../../client/field-control.ts';
import { readPageData } from '../../client/page-data.ts';
import { type Application, useApplication } from '../../client/use-application.ts';
import type { FieldSpec } from '../../spec/form-spec.ts';

const data = readPageData();

const SKIN: Skin = {
  input: 'styles--3IYUq',
  textarea: 'styles--3IYUq styles--textarea',
  options: { group: 'styles--checkboxes', option: 'styles--option' },
  date: 'styles--datepicker',
  file: { buttonLabel: 'Upload a file', buttonClass: 'styles--uploadButton', className: 'styles--dropzone' },
};

function Field(p: { field: FieldSpec; app: Application; label?: string }): ReactNode {
  const { field, app } = p;
  const error = app.errors[field.name];
  const grouped = field.type === 'checkbox_group' || field.type === 'radio' || field.type === 'file';
  return h(
    'div',
    { className: `styles--field${error ? ' styles--hasError' : ''}`, 'data-ui': field.name },
    field.type === 'checkbox'
      ? null
      : h(
          grouped ? 'span' : 'label',
          { id: `${field.id}-label`, htmlFor: grouped ? undefined : field.id, className: 'styles--label' },
          p.label ?? field.label,
          field.required ? h('span', { className: 'styles--required', 'aria-hidden': 'true' }, ' *') : null,
        ),
    fieldControl(field, app, SKIN),
    error ? h('div', { id: `${field.id}-error`, className: 'styles--error', role: 'alert' }, error) : null,
  );
}

function CoverLetter(p: { file: FieldSpec; text: FieldSpec; app: Application }): ReactNode {
  const [mode, setMode] = useState<'write' | 'upload'>('write');
  return h(
    'div',
    { className: 'styles--coverLetter' },
    h(
      'div',
      { role: 'tablist', 'aria-label': 'Cover letter' },
      h(
        'button',
        { type: 'button', role: 'tab', 'aria-selected': mode === 'write', onClick: () => setMode('write') },
        'Write',
      ),
      h(
        'button',
        { type: 'button', role: 'tab', 'aria-selected': mode === 'upload', onClick: () => setMode('upload') },
        'Upload',
      ),
    ),
    h(Field, { field: mode === 'write' ? p.text : p.file, app: p.app }),
  );
}

function App(): ReactNode {
  const app = useApplication(data.fields, data.submitUrl);
  const sections = [...new Set(data.fields.map((f) => f.section ?? ''))];
  const coverFile = data.fields.find((f) => f.name === 'cover_letter');
  const coverText = data.fields.find((f) => f.name === 'cover_letter_text');
  const render = (f: FieldSpec): ReactNode => {
    if (f === coverText) return null;
    if (f === coverFile && coverText) return h(CoverLetter, { key: f.name, file: f, text: coverText, app });
    return h(Field, { key: f.name, field: f, app });
  };
  return h(
    'form',
    {
      'data-ui': 'application-form',
      noValidate: true,
      onSubmit: (e: { preventDefault(): void }) => {
        e.preventDefault();
        void app.submit();
      },
    },
    app.answer && app.answer.status !== 'accepted'
      ? h(
          'div',
          { className: 'styles--banner', role: 'alert', 'data-ui': 'form-errors' },
          app.answer.status === 'already-applied'
            ? app.answer.message
            : 'Please fix the errors below and submit again.',
        )
      : null,
    sections.map((s) =>
      h(
        'section',
        { key: s, 'data-ui': `section-${s}` },
        h('h2', null, s),
        data.fields.filter((f) => (f.section ?? '') === s).map(render),
      ),
    ),
    h(
      'button',
      { type: 'submit', 'data-ui': 'apply-button', className: 'styles--submit', disabled: app.submitting },
      'Submit application',
    ),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(App));
