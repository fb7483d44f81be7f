// Jobvite's hosted apply page (jobs.jobvite.com/<company>/job/<id>/apply), second family: "Apply
// with LinkedIn" and "Apply with Indeed" above the form, legal working age, experience ranges,
// the disability self-identification's "Today's Date", and a required question whose page shows
// no sign of being required: the server answers the final click with "This field is required",
// and since nobody can answer it from the profile or the answer sheet, the right outcome is
// needs-attention with nothing submitted.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { ask, is, pick, RESUME, TODAY } from '../../spec/expectation.ts';
import { formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt } from '../serve.ts';
import { FROM_SPONSORSHIP, FULL_PHONE, RESUME_TYPES, YES_NO } from './common.ts';

const p = NEVER_TUNED_POSTINGS.jobvite;
const path = `/jobvite/${p.company.board}/job/${p.externalId}/apply`;

const spec = formOf(
  'jobvite',
  p,
  [
    nt('jv-first-name', 'First Name', 'text', true, is('Maren', 'profile.firstName')),
    nt('jv-last-name', 'Last Name', 'text', true, is('Okafor', 'profile.lastName')),
    nt('jv-email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('jv-phone', 'Phone', 'tel', true, is(FULL_PHONE, 'profile.phone'), { format: 'phone' }),
    nt('jv-resume', 'Resume', 'file', true, RESUME, { accept: RESUME_TYPES, maxBytes: 5 * 1024 * 1024 }),
    nt('jv-q-age', 'Are you of legal working age (18 or older)?', 'select', true, pick('Yes', FROM.adult), {
      options: YES_NO,
    }),
    nt(
      'jv-q-sponsor',
      'Will you now or in the future require employer sponsorship for a work visa?',
      'select',
      true,
      pick('No', FROM_SPONSORSHIP),
      { options: YES_NO },
    ),
    nt(
      'jv-q-years',
      'Years of relevant experience',
      'select',
      true,
      pick('6–9 years', 'profile.yearsOfExperience = 7'),
      {
        options: options(['0–2 years', '3–5 years', '6–9 years', '10+ years']),
      },
    ),
    nt(
      'jv-q-why',
      `Why do you want to join ${p.company.name}?`,
      'textarea',
      true,
      ask('a motivation question only the applicant can answer'),
    ),
    nt(
      'jv-eeo-disability',
      'Disability status',
      'select',
      false,
      pick('I do not want to answer', 'profile.eeo.disability = decline'),
      {
        options: options([
          'Yes, I have a disability (or previously had a disability)',
          'No, I do not have a disability and have not had one in the past',
          'I do not want to answer',
        ]),
        section: 'Voluntary Self-Identification of Disability',
      },
    ),
    nt('jv-eeo-name', 'Your Name', 'text', false, is('Maren Okafor', 'profile.firstName + profile.lastName'), {
      section: 'Voluntary Self-Identification of Disability',
    }),
    nt('jv-eeo-date', "Today's Date", 'date', false, TODAY, {
      dateFormat: 'iso',
      section: 'Voluntary Self-Identification of Disability',
    }),
  ],
  path,
  `/jobvite/${p.company.board}/job/${p.externalId}/submit`,
);

const CSS = `body{font-family:Arial,sans-serif;margin:0;color:#333}.jv-page-header{background:#22313f;color:#fff;padding:16px 32px}.jv-page-body{max-width:720px;margin:20px auto;padding:0 20px}
.jv-field{margin:14px 0}.jv-field label{display:block;font-weight:bold;margin-bottom:4px}.jv-field input,.jv-field select,.jv-field textarea{padding:7px;width:100%;box-sizing:border-box}
.jv-button{background:#e86b1f;color:#fff;border:0;padding:10px 20px;cursor:pointer;margin-right:8px}.jv-error{color:#c00}.jv-social{margin:12px 0}`;

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(
        formPage(form, 'jobvite', {
          title: `${p.company.name} - ${p.title}`,
          css: CSS,
          chrome: (root) =>
            html`<div class="jv-page-header">${p.company.name} Careers</div><div class="jv-page-body">${root}</div>`,
        }),
      );
    });
    router.post(`/jobvite/${p.company.board}/job/${p.externalId}/submit`, fetchSubmit(form, ctx));
    return router;
  },
};
export default form;
