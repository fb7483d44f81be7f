// SmartRecruiters' one-click apply (jobs.smartrecruiters.com/oneclick-ui/...), second variant: the
// whole form lives in web components three shadow roots deep, each field's label inside its own
// root, with no <form> element at all; "Apply with LinkedIn" and "Apply with Indeed" above it,
// a confirm-email field, a location typeahead, a "Choose a file" dropzone, a message box that is
// a cover-letter slot, a job-alerts opt-in, and the application sent by fetch.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { CONSENT, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt } from '../serve.ts';
import {
  FROM_SPONSORSHIP,
  FULL_PHONE,
  fromAuthorized,
  LOCATION_OPTIONS,
  NO_COVER_LETTER,
  RESUME_TYPES,
  YES_NO,
} from './common.ts';

const p = NEVER_TUNED_POSTINGS.smartrecruiters;
const path = `/smartrecruiters/oneclick-ui/company/${p.company.board}/publication/${p.externalId}`;
const PERSONAL = 'Personal information';
const SCREENING = 'Screening questions';

const spec = formOf(
  'smartrecruiters',
  p,
  [
    nt('firstName', 'First name', 'text', true, is('Maren', 'profile.firstName'), { section: PERSONAL }),
    nt('lastName', 'Last name', 'text', true, is('Okafor', 'profile.lastName'), { section: PERSONAL }),
    nt('email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
      section: PERSONAL,
    }),
    nt('confirmEmail', 'Confirm your email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      format: 'email',
      section: PERSONAL,
    }),
    nt('phoneNumber', 'Phone number', 'tel', true, is(FULL_PHONE, 'profile.phone'), {
      format: 'phone',
      section: PERSONAL,
    }),
    nt('location', 'City', 'location', false, is('Seattle, Washington, United States', 'profile.location'), {
      options: LOCATION_OPTIONS,
      section: PERSONAL,
    }),
    nt(
      'linkedin',
      'LinkedIn profile',
      'url',
      false,
      is('https://www.linkedin.com/in/maren-okafor', 'profile.links.linkedin'),
      { format: 'url', section: PERSONAL },
    ),
    nt('resume', 'Resume', 'file', true, RESUME, {
      accept: RESUME_TYPES,
      maxBytes: 5 * 1024 * 1024,
      section: PERSONAL,
    }),
    nt('message', 'Message to the Hiring Team', 'textarea', false, empty(NO_COVER_LETTER), { section: PERSONAL }),
    nt(
      'sq_authorized',
      'Are you currently legally permitted to work in the United States?',
      'radio',
      true,
      pick('Yes', fromAuthorized('United States', true)),
      {
        options: YES_NO,
        section: SCREENING,
      },
    ),
    nt(
      'sq_sponsorship',
      'Do you now, or will you in the future, require visa sponsorship to work in the US?',
      'radio',
      true,
      pick('No', FROM_SPONSORSHIP),
      {
        options: YES_NO,
        section: SCREENING,
      },
    ),
    nt(
      'sq_experience',
      'Total years of professional experience',
      'select',
      true,
      pick('5-7 years', 'profile.yearsOfExperience = 7'),
      {
        options: options(['0-2 years', '3-4 years', '5-7 years', '8-10 years', '10+ years'], (_l, i) => String(i + 1)),
        section: SCREENING,
      },
    ),
    nt(
      'sq_relocate',
      'Would you relocate to the Chicago area for this role?',
      'radio',
      true,
      pick('Yes', FROM.relocate),
      { options: YES_NO, section: SCREENING },
    ),
    nt(
      'jobAlerts',
      `Yes, send me job alerts and news from ${p.company.name}`,
      'checkbox',
      false,
      empty('a marketing opt-in nobody asked for'),
      {
        options: [{ value: 'true', label: 'Yes' }],
      },
    ),
    nt('privacyConsent', `I have read and agree to the ${p.company.name} Privacy Policy`, 'checkbox', true, CONSENT, {
      options: [{ value: 'true', label: 'I agree' }],
    }),
  ],
  path,
  `${path}/submit`,
);

const CSS = `body{font-family:"Open Sans",Arial,sans-serif;margin:0;background:#f4f5f7;color:#2b2b2b}header{background:#fff;padding:16px 32px}
.oc-wrap{max-width:760px;margin:24px auto;background:#fff;padding:24px 32px;border-radius:6px}.oc-social button{margin-right:8px;padding:8px 14px;border-radius:4px;border:1px solid #0a66c2;background:#fff;color:#0a66c2}`;

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(
        formPage(form, 'smartrecruiters', {
          title: `${p.title} - ${p.company.name}`,
          css: CSS,
          chrome: (root) =>
            html`<header><strong>${p.company.name}</strong> · ${p.title} · ${p.location}</header><div class="oc-wrap">${root}</div>`,
        }),
      );
    });
    router.post(`${path}/submit`, fetchSubmit(form, ctx));
    return router;
  },
};
export default form;
