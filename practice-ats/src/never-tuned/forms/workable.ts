// Workable's hosted apply page (apply.workable.com/<account>/j/<shortcode>/apply), second variant:
// "Apply with LinkedIn" / "Apply with Indeed" above the form, required-ness only as visually
// hidden "Required" text inside each label, a read-only date input with a popup calendar, a
// cover-letter box, current and expected salary asked apart, notice period, relocation, the
// right to work in the job's country (the United Kingdom), submission by fetch.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { ask, CONSENT, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { formOf, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt } from '../serve.ts';
import { FULL_PHONE, fromAuthorized, NO_COVER_LETTER, RESUME_TYPES, YES_NO } from './common.ts';

const p = NEVER_TUNED_POSTINGS.workable;
const path = `/workable/${p.company.board}/j/${p.externalId}/apply`;
const PERSONAL = 'Personal information';
const PROFILE = 'Profile';
const DETAILS = 'Details';

const spec = formOf(
  'workable',
  p,
  [
    nt('firstname', 'First name', 'text', true, is('Maren', 'profile.firstName'), { section: PERSONAL }),
    nt('lastname', 'Last name', 'text', true, is('Okafor', 'profile.lastName'), { section: PERSONAL }),
    nt('email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
      section: PERSONAL,
    }),
    nt('phone', 'Phone', 'tel', true, is(FULL_PHONE, 'profile.phone'), { format: 'phone', section: PERSONAL }),
    nt('resume', 'Resume', 'file', true, RESUME, { accept: RESUME_TYPES, maxBytes: 5 * 1024 * 1024, section: PROFILE }),
    nt('cover_letter', 'Cover letter', 'textarea', false, empty(NO_COVER_LETTER), { section: PROFILE }),
    nt(
      'QA_8810',
      'Do you have the right to work in the United Kingdom?',
      'radio',
      true,
      pick('No', fromAuthorized('United Kingdom', false)),
      {
        options: YES_NO,
        section: DETAILS,
      },
    ),
    nt('QA_8811', 'Would you be willing to relocate to London?', 'radio', true, pick('Yes', FROM.relocate), {
      options: YES_NO,
      section: DETAILS,
    }),
    nt('QA_8812', 'When could you start?', 'date', true, is('2027-02-01', FROM.start), {
      dateFormat: 'iso',
      section: DETAILS,
    }),
    nt(
      'QA_8813',
      'How much notice do you need to give your current employer?',
      'text',
      true,
      is('2 weeks', 'profile.noticePeriod'),
      { section: DETAILS },
    ),
    nt(
      'QA_8814',
      'What is your current annual salary?',
      'text',
      false,
      ask('current salary is not in the profile (only the expected one is)'),
      { section: DETAILS },
    ),
    nt(
      'QA_8815',
      'What are your annual salary expectations?',
      'text',
      true,
      is('165000', 'profile.salaryExpectation'),
      { section: DETAILS },
    ),
    nt(
      'gdpr',
      `I agree that ${p.company.name} may process my data in accordance with its privacy notice`,
      'checkbox',
      true,
      CONSENT,
      {
        options: [{ value: 'true', label: 'I agree' }],
        section: DETAILS,
      },
    ),
  ],
  path,
  `/workable/${p.company.board}/j/${p.externalId}/candidates`,
);

const CSS = `body{font-family:"Inter",Arial,sans-serif;margin:0;background:#fff;color:#1f2937}header{padding:20px 40px;border-bottom:1px solid #e5e7eb}
.styles--apply{max-width:700px;margin:24px auto;padding:0 24px}.styles--field{margin:16px 0}.styles--field label,.styles--legend{display:block;font-weight:600;margin-bottom:6px}
.styles--input{width:100%;box-sizing:border-box;border:1px solid #d1d5db;border-radius:6px;padding:9px}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.styles--optional{color:#6b7280;font-weight:normal}.styles--error{color:#dc2626;font-size:.85rem}.styles--button{background:#00756a;color:#fff;border:0;border-radius:6px;padding:10px 20px;cursor:pointer}
.styles--social button{margin-right:8px}.styles--calendar{position:absolute;background:#fff;border:1px solid #d1d5db;padding:8px;z-index:5}.calendar-grid{display:grid;grid-template-columns:repeat(7,2.2em)}
.styles--nav{display:flex;justify-content:space-between;margin-bottom:6px}.option{display:inline-block;margin-right:16px;font-weight:normal}`;

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(
        formPage(form, 'workable', {
          title: `${p.title} - ${p.company.name}`,
          css: CSS,
          chrome: (root) => html`<header><strong>${p.company.name}</strong></header>${root}`,
        }),
      );
    });
    router.post(`/workable/${p.company.board}/j/${p.externalId}/candidates`, fetchSubmit(form, ctx));
    return router;
  },
};
export default form;
