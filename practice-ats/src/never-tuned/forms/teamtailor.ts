// Teamtailor's career site (<company>.teamtailor.com/jobs/<id>), second family: "Apply with
// LinkedIn" beside the form, a phone country picker in front of the number, an "Upload CV"
// button over a hidden file input, a cover letter box, yes/no questions as div[role=radio]
// chips, the right to work in the job's country (Sweden), the "Connect" talent-community
// opt-in, and the application sent by fetch.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { CONSENT, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { formOf, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt } from '../serve.ts';
import {
  FROM_PHONE_COUNTRY,
  fromAuthorized,
  NATIONAL_PHONE,
  NO_COVER_LETTER,
  PHONE_COUNTRIES,
  RESUME_TYPES,
  YES_NO,
} from './common.ts';

const p = NEVER_TUNED_POSTINGS.teamtailor;
const path = `/teamtailor/${p.company.board}/jobs/${p.externalId}`;

const spec = formOf(
  'teamtailor',
  p,
  [
    nt('candidate[first_name]', 'First name', 'text', true, is('Maren', 'profile.firstName'), {
      id: 'candidate_first_name',
    }),
    nt('candidate[last_name]', 'Last name', 'text', true, is('Okafor', 'profile.lastName'), {
      id: 'candidate_last_name',
    }),
    nt('candidate[email]', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      id: 'candidate_email',
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('candidate[phone_country]', 'Country code', 'combobox', false, pick('United States +1', FROM_PHONE_COUNTRY), {
      id: 'candidate_phone_country',
      options: PHONE_COUNTRIES,
    }),
    nt('candidate[phone]', 'Phone', 'tel', true, is(NATIONAL_PHONE, 'profile.phone'), {
      id: 'candidate_phone',
      format: 'phone',
    }),
    nt('candidate[resume]', 'CV', 'file', true, RESUME, {
      id: 'candidate_resume',
      accept: RESUME_TYPES,
      maxBytes: 10 * 1024 * 1024,
    }),
    nt('candidate[cover_letter]', 'Cover letter', 'textarea', false, empty(NO_COVER_LETTER), {
      id: 'candidate_cover_letter',
    }),
    nt(
      'answers[7701]',
      'Do you have the right to work in Sweden?',
      'yes_no',
      true,
      pick('No', fromAuthorized('Sweden', false)),
      { id: 'answer_7701', options: YES_NO },
    ),
    nt('answers[7702]', 'Are you open to relocating to Stockholm?', 'yes_no', true, pick('Yes', FROM.relocate), {
      id: 'answer_7702',
      options: YES_NO,
    }),
    nt(
      'answers[7703]',
      'The role is hybrid, with three office days a week in Stockholm. Does that work for you?',
      'yes_no',
      true,
      pick('Yes', FROM.onSite),
      {
        id: 'answer_7703',
        options: YES_NO,
      },
    ),
    nt(
      'candidate[connect]',
      `Join ${p.company.name} Connect and hear about future jobs`,
      'checkbox',
      false,
      empty('a talent-community opt-in'),
      {
        id: 'candidate_connect',
        options: [{ value: '1', label: 'Yes' }],
      },
    ),
    nt(
      'candidate[consent_given]',
      `I have read and accept ${p.company.name}'s privacy policy`,
      'checkbox',
      true,
      CONSENT,
      {
        id: 'candidate_consent_given',
        options: [{ value: '1', label: 'I accept' }],
      },
    ),
  ],
  path,
  `${path}/applications`,
);

const CSS = `body{font-family:"Inter",system-ui,sans-serif;margin:0;color:#111;background:#fff}.careersite-header{padding:20px 40px;border-bottom:1px solid #eee}
.application{max-width:640px;margin:24px auto;padding:0 20px}.form-group{margin:16px 0}.form-group label,.form-label{display:block;font-weight:600;margin-bottom:6px}
.form-control{width:100%;box-sizing:border-box;border:1px solid #ccc;border-radius:8px;padding:10px}.iti{display:flex;gap:8px}.iti__selected-flag{width:200px;border:1px solid #ccc;border-radius:8px;padding:4px 8px;position:relative;display:flex}
.iti__selected-dial-code{position:absolute;top:10px;pointer-events:none}.iti__search{border:0;outline:0;flex:1;background:transparent;padding:6px 0}.iti__country-list{background:#fff;border:1px solid #ccc;max-height:200px;overflow:auto}.iti__country{padding:6px}.iti__highlight{background:#eef}
.choices{display:flex;gap:8px}.choice{border:1px solid #ccc;border-radius:20px;padding:8px 18px;cursor:pointer}.choice--selected{background:#111;color:#fff}
.btn{background:#111;color:#fff;border:0;border-radius:8px;padding:10px 20px;cursor:pointer}.error{color:#d00;font-size:.85rem}`;

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(
        formPage(form, 'teamtailor', {
          title: `${p.title} - ${p.company.name}`,
          css: CSS,
          chrome: (root) => html`<header class="careersite-header"><strong>${p.company.name}</strong></header>${root}`,
        }),
      );
    });
    router.post(`${path}/applications`, fetchSubmit(form, ctx));
    return router;
  },
};
export default form;
