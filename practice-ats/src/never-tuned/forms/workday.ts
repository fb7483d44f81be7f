// Workday's candidate experience (<tenant>.myworkdayjobs.com), second variant: Apply → "Apply
// Manually" (beside "Autofill with Resume"), then a wizard with no <form> whose controls get new
// generated ids at every step: the two-level "How Did You Hear About Us?" prompt, dropdown buttons
// named "<question> <value> Required", required-ness on the field's wrapper with an aria-hidden
// asterisk, Country Phone Code, a Phone Extension whose id contains "phoneNumber", date
// spinbuttons, the resume uploaded on its own, today's date on the Self Identify step, and the
// application sent by fetch from the Review step.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { any, CONSENT, empty, is, pick, RESUME, TODAY, ticked } from '../../spec/expectation.ts';
import { type FieldOption, formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt, UploadStore } from '../serve.ts';
import {
  FROM_PHONE_COUNTRY,
  FROM_SPONSORSHIP,
  fromAuthorized,
  NATIONAL_PHONE,
  RESUME_TYPES,
  YES_NO,
} from './common.ts';

const p = NEVER_TUNED_POSTINGS.workday;
const base = `/workday/${p.company.board}/External`;
const jobPath = `${base}/job/Austin-TX/Senior-Software-Engineer_${p.externalId}`;

const SOURCES: Array<[string, string[]]> = [
  ['Job Board', ['Indeed', 'Glassdoor', 'Dice']],
  ['Social Media', ['Facebook', 'LinkedIn', 'X (Twitter)']],
  ['Referral', ['Employee Referral', 'Friend or Family']],
  ['Company Website', ['Pinecrest Careers Site']],
];
const SOURCE_OPTIONS: FieldOption[] = SOURCES.flatMap(([group, labels]) =>
  labels.map((label, i) => ({ group, label, value: `${group.replace(/\W/g, '')}_${i}` })),
);
const ids = (labels: readonly string[]) => options(labels, (_l, i) => `a${(i + 3) * 137}`);

const INFO = 'My Information';
const EXPERIENCE = 'My Experience';
const QUESTIONS = 'Application Questions';
const DISCLOSURES = 'Voluntary Disclosures';
const SELF_ID = 'Self Identify';

const spec = formOf(
  'workday',
  p,
  [
    nt('source', 'How Did You Hear About Us?', 'combobox', true, pick('LinkedIn', FROM.heard), {
      options: SOURCE_OPTIONS,
      section: INFO,
    }),
    nt(
      'candidateIsPreviousWorker',
      `Have you previously worked for ${p.company.name} as an employee or contractor?`,
      'radio',
      true,
      pick('No', FROM.formerEmployee),
      {
        options: YES_NO,
        section: INFO,
      },
    ),
    nt('country', 'Country', 'select', true, pick('United States of America', 'profile.location.country'), {
      options: ids(['Canada', 'Sweden', 'United Kingdom', 'United States of America']),
      section: INFO,
    }),
    nt('legalNameSection_firstName', 'Given Name(s)', 'text', true, is('Maren', 'profile.firstName'), {
      section: INFO,
    }),
    nt('legalNameSection_lastName', 'Family Name', 'text', true, is('Okafor', 'profile.lastName'), { section: INFO }),
    nt('preferredCheck', 'I have a preferred name', 'checkbox', false, ticked(FROM.preferredName), {
      options: [{ value: 'true', label: 'I have a preferred name' }],
      section: INFO,
    }),
    nt('preferredNameSection_firstName', 'Preferred Given Name', 'text', false, is('Ren', FROM.preferredName), {
      section: INFO,
    }),
    nt(
      'addressSection_addressLine1',
      'Address Line 1',
      'text',
      true,
      is('4120 Fremont Ave N', 'profile.location.addressLine'),
      { section: INFO },
    ),
    nt('addressSection_city', 'City', 'text', true, is('Seattle', 'profile.location.city'), { section: INFO }),
    nt('addressSection_countryRegion', 'State', 'select', true, pick('Washington', 'profile.location.region'), {
      options: ids(['California', 'New York', 'Texas', 'Washington']),
      section: INFO,
    }),
    nt('addressSection_postalCode', 'Postal Code', 'text', true, is('98103', 'profile.location.postalCode'), {
      section: INFO,
    }),
    nt('email', 'Email Address', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
      section: INFO,
    }),
    nt(
      'phone-device-type',
      'Phone Device Type',
      'select',
      true,
      any('the profile does not say what kind of phone it is'),
      {
        options: ids(['Home', 'Mobile', 'Work']),
        section: INFO,
      },
    ),
    nt(
      'countryPhoneCode',
      'Country Phone Code',
      'select',
      true,
      pick('United States of America (+1)', FROM_PHONE_COUNTRY),
      {
        options: ids(['Canada (+1)', 'Sweden (+46)', 'United Kingdom (+44)', 'United States of America (+1)']),
        section: INFO,
      },
    ),
    nt('phone-number', 'Phone Number', 'tel', true, is(NATIONAL_PHONE, 'profile.phone'), {
      format: 'phone',
      section: INFO,
    }),
    nt('phone-extension', 'Phone Extension', 'text', false, empty('the profile phone has no extension'), {
      section: INFO,
    }),
    nt('resume', 'Resume/CV', 'file', true, RESUME, {
      accept: RESUME_TYPES,
      maxBytes: 5 * 1024 * 1024,
      section: EXPERIENCE,
    }),
    nt(
      'linkedinQuestion',
      'LinkedIn Profile',
      'url',
      false,
      is('https://www.linkedin.com/in/maren-okafor', 'profile.links.linkedin'),
      {
        format: 'url',
        section: EXPERIENCE,
      },
    ),
    nt(
      'q_authorized',
      'Are you legally authorized to work in the country in which this job is located?',
      'select',
      true,
      pick('Yes', fromAuthorized('United States', true)),
      {
        options: ids(['Yes', 'No']),
        section: QUESTIONS,
      },
    ),
    nt(
      'q_sponsorship',
      `Will you now or in the future require ${p.company.name} to sponsor an immigration case in order to employ you?`,
      'select',
      true,
      pick('No', FROM_SPONSORSHIP),
      {
        options: ids(['Yes', 'No']),
        section: QUESTIONS,
      },
    ),
    nt('q_age', 'Are you at least 18 years of age?', 'select', true, pick('Yes', FROM.adult), {
      options: ids(['Yes', 'No']),
      section: QUESTIONS,
    }),
    nt('q_start', 'What is the earliest date you are available to start?', 'date', true, is('2027-02-01', FROM.start), {
      dateFormat: 'iso',
      section: QUESTIONS,
    }),
    nt(
      'q_salary',
      'What are your base salary expectations for this role (USD)?',
      'text',
      true,
      { kind: 'value', value: '165000', from: 'profile.salaryExpectation' },
      {
        section: QUESTIONS,
      },
    ),
    nt('gender', 'Gender', 'select', false, pick('Female', 'profile.eeo.gender'), {
      options: ids(['Male', 'Female', 'I do not wish to answer']),
      section: DISCLOSURES,
    }),
    nt(
      'ethnicity',
      'Ethnicity',
      'select',
      false,
      pick('Asian (Not Hispanic or Latino)', 'profile.eeo.race = Asian, profile.eeo.hispanicLatino = No'),
      {
        options: ids([
          'American Indian or Alaska Native (Not Hispanic or Latino)',
          'Asian (Not Hispanic or Latino)',
          'Black or African American (Not Hispanic or Latino)',
          'Hispanic or Latino',
          'White (Not Hispanic or Latino)',
          'Two or More Races (Not Hispanic or Latino)',
          'I do not wish to answer',
        ]),
        section: DISCLOSURES,
      },
    ),
    nt(
      'veteranStatus',
      'Veteran Status',
      'select',
      false,
      pick('I am not a protected veteran', 'profile.eeo.veteran'),
      {
        options: ids([
          'I am not a protected veteran',
          'I identify as one or more of the classifications of protected veteran',
          'I do not wish to answer',
        ]),
        section: DISCLOSURES,
      },
    ),
    nt('agreementCheckbox', 'Yes, I have read and consent to the terms and conditions', 'checkbox', true, CONSENT, {
      options: [{ value: 'true', label: 'I consent' }],
      section: DISCLOSURES,
    }),
    nt('selfIdName', 'Name', 'text', true, is('Maren Okafor', 'profile.firstName + profile.lastName'), {
      section: SELF_ID,
    }),
    nt('selfIdDate', 'Date', 'date', true, TODAY, { dateFormat: 'iso', section: SELF_ID }),
    nt(
      'disabilityStatus',
      'Please check one of the boxes below',
      'radio',
      true,
      pick('I do not want to answer', 'profile.eeo.disability = decline'),
      {
        options: ids([
          'Yes, I have a disability (or previously had a disability)',
          'No, I do not have a disability and have not had one in the past',
          'I do not want to answer',
        ]),
        section: SELF_ID,
      },
    ),
  ],
  `${jobPath}/apply/applyManually`,
  `${jobPath}/apply/submit`,
);

const CSS = `body{font-family:"Roboto",Arial,sans-serif;margin:0;color:#333;background:#f6f7f8}header{background:#fff;padding:16px 32px;border-bottom:1px solid #ddd}
main{max-width:820px;margin:24px auto;background:#fff;padding:24px 32px;border-radius:8px}.wd-progress{display:flex;gap:12px;font-size:.85rem;margin-bottom:20px}
.wd-progress li{list-style:none;color:#888}.wd-progress li[aria-current=step]{color:#0875e1;font-weight:700}.wd-field{margin:16px 0}.wd-label{display:block;font-weight:500;margin-bottom:4px}
.wd-req{color:#de2e21;text-decoration:none;border:0;margin-left:2px}.wd-input{border:1px solid #a0a0a0;border-radius:4px;padding:8px;width:320px}
.wd-dropdown{border:1px solid #a0a0a0;border-radius:4px;padding:8px;width:336px;text-align:left;background:#fff}.wd-list{background:#fff;border:1px solid #ccc;box-shadow:0 4px 16px #0003}
.wd-option{padding:8px 12px}.wd-option-active{background:#e6f0fb}.wd-multi{border:1px solid #a0a0a0;border-radius:4px;padding:4px;width:328px}.wd-pill{display:inline-flex;gap:6px;background:#e6f0fb;border-radius:12px;padding:2px 8px}
.wd-search{border:0;outline:0;padding:6px;width:95%}.wd-date{display:inline-flex;gap:2px;border:1px solid #a0a0a0;border-radius:4px;padding:6px}.wd-date input{width:3.2em;border:0}
.wd-button{background:#0875e1;color:#fff;border:0;border-radius:18px;padding:9px 20px;cursor:pointer}.wd-secondary{background:#fff;color:#333;border:1px solid #888}
.wd-error{color:#de2e21;font-size:.85rem}.wd-errors{border:1px solid #de2e21;border-radius:6px;padding:10px 16px;margin-bottom:16px}`;

const uploads = new UploadStore();

const form: NeverTunedForm = {
  posting: p,
  applyPath: jobPath,
  spec,
  routes(ctx) {
    const router = Router();
    const show = formPage(form, 'workday', {
      title: `${p.title} - ${p.company.name} Careers`,
      css: CSS,
      extra: {
        uploadUrl: `${jobPath}/apply/upload`,
        applyPath: `${jobPath}/apply/applyManually`,
        company: p.company.name,
      },
      chrome: (root) => html`<header><strong>${p.company.name}</strong> Careers</header><main>${root}</main>`,
    });
    router.get([jobPath, `${jobPath}/apply/applyManually`], (_req, res) => {
      res.send(show);
    });
    router.post(`${jobPath}/apply/upload`, (req, res) => uploads.receive(req, res));
    router.post(`${jobPath}/apply/submit`, fetchSubmit(form, ctx, { uploads: { store: uploads, fields: ['resume'] } }));
    return router;
  },
};
export default form;
