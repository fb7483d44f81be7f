// Greenhouse's current job board (job-boards.greenhouse.io), second variant: react-select
// questions whose menus are portaled to <body> and hide the page while open, a phone country
// picker, a location typeahead that drops unpicked text, Attach buttons over hidden file inputs,
// an invisible reCAPTCHA container, "Autofill with MyGreenhouse", submission by fetch.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { CONSENT, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt } from '../serve.ts';
import {
  FROM_PHONE_COUNTRY,
  FROM_SPONSORSHIP,
  fromAuthorized,
  LOCATION_OPTIONS,
  NATIONAL_PHONE,
  NO_COVER_LETTER,
  PHONE_COUNTRIES,
  RESUME_TYPES,
  YES_NO,
} from './common.ts';

const p = NEVER_TUNED_POSTINGS.greenhouse;
const path = `/greenhouse/job-boards/${p.company.board}/jobs/${p.externalId}`;
const numbered = (labels: readonly string[]) => options(labels, (_l, i) => String(4010 + i));
const EEO = 'U.S. Equal Opportunity Employment Information';

const spec = formOf(
  'greenhouse',
  p,
  [
    nt('first_name', 'First Name', 'text', true, is('Maren', 'profile.firstName')),
    nt('last_name', 'Last Name', 'text', true, is('Okafor', 'profile.lastName')),
    nt('preferred_name', 'Preferred First Name', 'text', false, is('Ren', FROM.preferredName)),
    nt('email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('phone_country', 'Country', 'combobox', false, pick('United States +1', FROM_PHONE_COUNTRY), {
      options: PHONE_COUNTRIES,
    }),
    nt('phone', 'Phone', 'tel', true, is(NATIONAL_PHONE, 'profile.phone'), { format: 'phone' }),
    nt(
      'candidate_location',
      'Location (City)',
      'location',
      false,
      is('Seattle, Washington, United States', 'profile.location'),
      {
        options: LOCATION_OPTIONS,
      },
    ),
    nt('resume', 'Resume/CV', 'file', true, RESUME, { accept: RESUME_TYPES, maxBytes: 100 * 1024 * 1024 }),
    nt('cover_letter', 'Cover Letter', 'file', false, empty(NO_COVER_LETTER), { accept: RESUME_TYPES }),
    nt(
      'question_30281',
      'LinkedIn Profile',
      'url',
      false,
      is('https://www.linkedin.com/in/maren-okafor', 'profile.links.linkedin'),
      {
        format: 'url',
      },
    ),
    nt(
      'question_30282',
      'Will you now or in the future require sponsorship for employment visa status?',
      'combobox',
      true,
      pick('No', FROM_SPONSORSHIP),
      {
        options: numbered(['Yes', 'No']),
      },
    ),
    nt(
      'question_30283',
      'Are you legally authorized to work in the United States?',
      'combobox',
      true,
      pick('Yes', fromAuthorized('United States', true)),
      {
        options: numbered(['Yes', 'No']),
      },
    ),
    nt(
      'question_30284',
      'Where did you first learn about this opening?',
      'combobox',
      true,
      pick('LinkedIn', FROM.heard),
      {
        options: numbered(['Indeed', 'LinkedIn', 'Glassdoor', 'Company website', 'Employee referral', 'Other']),
      },
    ),
    nt(
      'question_30285',
      `Have you previously been employed by ${p.company.name} or any of its subsidiaries?`,
      'combobox',
      true,
      pick('No', FROM.formerEmployee),
      {
        options: YES_NO,
      },
    ),
    nt(
      'question_30286',
      `I acknowledge that I have read the ${p.company.name} applicant privacy notice.`,
      'checkbox',
      true,
      CONSENT,
      {
        options: [{ value: '1', label: 'I acknowledge' }],
      },
    ),
    nt('gender', 'Gender', 'combobox', false, pick('Female', 'profile.eeo.gender'), {
      options: numbered(['Male', 'Female', 'Decline To Self Identify']),
      section: EEO,
    }),
    nt('hispanic_ethnicity', 'Are you Hispanic/Latino?', 'combobox', false, pick('No', 'profile.eeo.hispanicLatino'), {
      options: numbered(['Yes', 'No', 'Decline To Self Identify']),
      section: EEO,
    }),
    nt('race', 'Please identify your race', 'combobox', false, pick('Asian', 'profile.eeo.race'), {
      options: numbered([
        'American Indian or Alaskan Native',
        'Asian',
        'Black or African American',
        'Native Hawaiian or Other Pacific Islander',
        'White',
        'Two or More Races',
        'Decline To Self Identify',
      ]),
      section: EEO,
    }),
    nt(
      'veteran_status',
      'Veteran Status',
      'combobox',
      false,
      pick('I am not a protected veteran', 'profile.eeo.veteran'),
      {
        options: numbered([
          'I am not a protected veteran',
          'I identify as one or more of the classifications of protected veteran',
          "I don't wish to answer",
        ]),
        section: EEO,
      },
    ),
    nt(
      'disability_status',
      'Disability Status',
      'combobox',
      false,
      pick("I don't wish to answer", 'profile.eeo.disability = decline'),
      {
        options: numbered([
          'Yes, I have a disability, or have had one in the past',
          'No, I do not have a disability and have not had one in the past',
          "I don't wish to answer",
        ]),
        section: EEO,
      },
    ),
  ],
  path,
  `${path}/applications`,
);
spec.captcha = 'invisible';

const CSS = `body{font-family:"Helvetica Neue",Arial,sans-serif;margin:0;color:#222}.job__header{padding:32px 48px;border-bottom:1px solid #eee}
.application--container{max-width:720px;margin:24px auto;padding:0 24px}.input-wrapper,.select__container,.file-upload{margin:18px 0;display:flex;flex-direction:column}
.label{font-weight:600;margin-bottom:6px}.required{color:#c00;margin-left:2px}.input{border:1px solid #bbb;border-radius:4px;padding:9px}
.select__control{display:flex;border:1px solid #bbb;border-radius:4px;padding:4px 8px;position:relative}.select__placeholder{color:#888;position:absolute;top:9px;pointer-events:none}
.select__single-value{position:absolute;top:9px;pointer-events:none}.select__input{border:0;outline:0;flex:1;padding:5px 0;background:transparent}
.select__menu{background:#fff;border:1px solid #bbb;border-radius:4px;box-shadow:0 4px 12px #0002}.select__option{padding:8px 10px;cursor:default}.select__option--is-focused{background:#deebff}
.phone-input{display:flex;gap:8px}.phone-input .select__control{width:200px}.btn{border:1px solid #0b6e4f;color:#0b6e4f;background:#fff;border-radius:16px;padding:6px 14px;margin-right:6px;cursor:pointer}
.btn--primary{background:#0b6e4f;color:#fff;border:0;border-radius:4px;padding:12px 24px}.helper-text--error{color:#c00;font-size:.85rem}
.location-menu{background:#fff;border:1px solid #bbb}.location-menu [role=option]{padding:6px 10px}.eeoc{border-top:1px solid #ddd;margin-top:24px}
.grecaptcha-badge{visibility:hidden;position:fixed;bottom:14px;right:-186px;width:256px;height:60px}`;

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(
        formPage(form, 'greenhouse', {
          title: `Job Application for ${p.title} at ${p.company.name}`,
          css: CSS,
          chrome: (root) =>
            html`<div class="job__header"><h1 class="section-header">${p.title}</h1><div class="job__location">${p.location}</div></div>${root}
<div class="grecaptcha-badge" data-style="bottomright"><div id="g-recaptcha" class="g-recaptcha" data-size="invisible" data-sitekey="6Lf-practice-invisible"></div></div>`,
        }),
      );
    });
    router.post(`${path}/applications`, fetchSubmit(form, ctx));
    return router;
  },
};
export default form;
