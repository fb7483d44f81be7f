// Ashby's job page as the React app it is: Overview and Application tabs, the application form with
// its field entries, Yes/No button pairs, comboboxes, location search and "Upload File", the
// "Your form needs corrections" summary and the success container.
import { createElement as h, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { fieldControl, type Skin } from '../../client/field-control.ts';
import { readPageData } from '../../client/page-data.ts';
import { useApplication } from '../../client/use-application.ts';
import type { FieldSpec } from '../../spec/form-spec.ts';

const data = readPageData();

const SKIN: Skin = {
  input: '_input_1wkz4_28',
  textarea: '_textarea_1wkz4_40',
  combobox: {
    container: '_container_v5ami_28',
    input: '_input_v5ami_42',
    menu: '_menu_v5ami_61',
    option: '_option_v5ami_75',
    focused: '_active_v5ami_88',
  },
  yesNo: { group: '_yesno_hkyf8_143', button: '_option_y2cw4_33', active: '_active_y2cw4_58' },
  options: { group: '_checkboxes_1h4lq_30', option: '_option_1h4lq_38' },
  date: '_datePicker_19yv3_29',
  file: { buttonLabel: 'Upload File', buttonClass: '_button_8wvgw_29', className: '_fileUpload_1hm3w_28' },
};

function Entry(p: { field: FieldSpec; app: ReturnType<typeof useApplication> }): ReactNode {
  const { field, app } = p;
  const error = app.errors[field.name];
  const grouped = field.type === 'yes_no' || field.type === 'checkbox_group' || field.type === 'file';
  return h(
    'div',
    { className: `_fieldEntry_17dpp_29 ashby-application-form-field-entry${error ? ' _invalid_17dpp_56' : ''}` },
    h(
      grouped ? 'div' : 'label',
      {
        id: `${field.id}-label`,
        className: '_heading_101oc_53 ashby-application-form-question-title',
        htmlFor: grouped ? undefined : field.id,
      },
      field.label,
      field.required ? h('span', { className: '_required_101oc_92' }, '*') : null,
    ),
    fieldControl(field, app, SKIN),
    error ? h('p', { className: '_errorMessage_17dpp_60', id: `${field.id}-error` }, error) : null,
  );
}

function ApplicationForm(): ReactNode {
  const app = useApplication(data.fields, data.submitUrl);
  const errors = app.answer?.errors ?? [];
  const main = data.fields.filter((f) => f.section !== 'EEO');
  const eeo = data.fields.filter((f) => f.section === 'EEO');
  if (app.answer?.status === 'accepted') {
    return h(
      'div',
      { className: '_successContainer_1pqj5_120 ashby-application-form-success-container', role: 'status' },
      h('h2', null, 'Thank you for applying'),
      h('p', null, 'Your application was successfully submitted. We will contact you if there are next steps.'),
    );
  }
  return h(
    'div',
    { className: 'ashby-application-form-container' },
    h(
      'form',
      {
        className: '_form_1pqj5_28',
        noValidate: true,
        onSubmit: (e: { preventDefault(): void }) => {
          e.preventDefault();
          void app.submit();
        },
      },
      main.map((f) => h(Entry, { key: f.name, field: f, app })),
      eeo.length > 0
        ? h(
            'div',
            { className: '_section_1pqj5_40 ashby-application-form-eeoc' },
            h('h3', null, 'U.S. Equal Employment Opportunity Information'),
            h('p', null, 'Completion of this section is voluntary and will not affect your application.'),
            eeo.map((f) => h(Entry, { key: f.name, field: f, app })),
          )
        : null,
      errors.length > 0
        ? h(
            'div',
            { className: '_errors_1pqj5_80 ashby-application-form-errors', role: 'alert' },
            h('h4', null, 'Your form needs corrections'),
            h(
              'ul',
              null,
              errors.map((e) => h('li', { key: e.field }, `${e.label}: ${e.message}`)),
            ),
          )
        : null,
      app.answer?.status === 'already-applied'
        ? h('div', { className: '_errors_1pqj5_80', role: 'alert' }, app.answer.message)
        : null,
      h(
        'button',
        {
          type: 'submit',
          className: '_button_8wvgw_29 ashby-application-form-submit-button',
          disabled: app.submitting,
        },
        app.submitting ? 'Submitting...' : 'Submit Application',
      ),
    ),
  );
}

function Overview(): ReactNode {
  return h('div', {
    className: '_descriptionText_oj0x8_198',
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the practice catalog's own description, built from escaped text, as Ashby renders its posting HTML
    dangerouslySetInnerHTML: { __html: data.posting.descriptionHtml },
  });
}

function JobPage(): ReactNode {
  const onApplication = location.pathname.endsWith('/application');
  const base = location.pathname.replace(/\/application$/, '');
  return h(
    'div',
    { className: '_container_ud4nd_29' },
    h(
      'div',
      { className: '_titles_ud4nd_34' },
      h('h1', { className: '_title_ud4nd_34 ashby-job-posting-heading' }, data.posting.title),
      h(
        'p',
        { className: '_subtitle_ud4nd_40' },
        `${data.posting.department} · ${data.posting.location} · ${data.posting.employmentType}`,
      ),
    ),
    h(
      'nav',
      { className: '_tabs_ud4nd_60', role: 'tablist' },
      h('a', { role: 'tab', href: base, 'aria-selected': !onApplication }, 'Overview'),
      h('a', { role: 'tab', href: `${base}/application`, 'aria-selected': onApplication }, 'Application'),
    ),
    onApplication ? h(ApplicationForm) : h(Overview),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(JobPage));
