// BambooHR's careers site (<company>.bamboohr.com/careers/<id>), second family: React "fab"
// components whose select menus are portaled to <body> and hide the rest while open, state and
// country options submitted as numeric ids, "Choose File" buttons that upload files on their own
// endpoint before the application, a date field with a popup calendar (MM/DD/YYYY), Desired Pay,
// "Referred By" (a person, not a source), experience ranges written with en dashes.
import { Router } from 'express';
import { html } from '../../shared/html.ts';
import { any, ask, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { fetchSubmit, formPage, type NeverTunedForm, nt, UploadStore } from '../serve.ts';
import { FULL_PHONE, NO_COVER_LETTER, RESUME_TYPES, YES_NO } from './common.ts';

const p = NEVER_TUNED_POSTINGS.bamboohr;
const path = `/bamboohr/${p.company.board}/careers/${p.externalId}`;
const numeric = (labels: readonly string[], first: number) => options(labels, (_l, i) => String(first + i));

const spec = formOf(
  'bamboohr',
  p,
  [
    nt('firstName', 'First Name', 'text', true, is('Maren', 'profile.firstName')),
    nt('lastName', 'Last Name', 'text', true, is('Okafor', 'profile.lastName')),
    nt('email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('phone', 'Phone', 'tel', true, is(FULL_PHONE, 'profile.phone'), { format: 'phone' }),
    nt('streetAddress', 'Address', 'text', false, is('4120 Fremont Ave N', 'profile.location.addressLine')),
    nt('city', 'City', 'text', false, is('Seattle', 'profile.location.city')),
    nt('state', 'State', 'combobox', false, pick('Washington', 'profile.location.region'), {
      options: numeric(['California', 'Colorado', 'Idaho', 'Oregon', 'Utah', 'Washington'], 3),
    }),
    nt('zip', 'ZIP', 'text', false, is('98103', 'profile.location.postalCode')),
    nt('countryId', 'Country', 'combobox', false, pick('United States', 'profile.location.country'), {
      options: numeric(['Canada', 'Mexico', 'United Kingdom', 'United States'], 37),
    }),
    nt('resumeFileId', 'Resume', 'file', true, RESUME, { accept: RESUME_TYPES, maxBytes: 10 * 1024 * 1024 }),
    nt('coverLetterFileId', 'Cover Letter', 'file', false, empty(NO_COVER_LETTER), { accept: RESUME_TYPES }),
    nt('dateAvailable', 'Date Available', 'date', false, is('02/01/2027', FROM.start), { dateFormat: 'mdy' }),
    nt('desiredPay', 'Desired Pay', 'text', false, is('165000', 'profile.salaryExpectation')),
    nt(
      'websiteUrl',
      'Website, Blog, or Portfolio',
      'url',
      false,
      any('the GitHub profile may or may not stand for a portfolio'),
      { format: 'url' },
    ),
    nt(
      'linkedinUrl',
      'LinkedIn Profile URL',
      'url',
      false,
      is('https://www.linkedin.com/in/maren-okafor', 'profile.links.linkedin'),
      { format: 'url' },
    ),
    nt('referredBy', 'Referred By', 'text', false, ask('nobody referred the applicant; a source is not a referrer')),
    nt(
      'customQuestion_61',
      'How many years of experience do you have in software development?',
      'combobox',
      true,
      pick('6–9 years', 'profile.yearsOfExperience = 7'),
      {
        options: numeric(['0–2 years', '3–5 years', '6–9 years', '10+ years'], 900),
      },
    ),
    nt(
      'customQuestion_62',
      'How did you find out about this position?',
      'combobox',
      true,
      pick('LinkedIn', FROM.heard),
      {
        options: numeric(['Indeed', 'LinkedIn', 'Company Website', 'Friend or Employee', 'Other'], 910),
      },
    ),
    nt(
      'customQuestion_63',
      'Are you able to work on-site at our Salt Lake City roastery at least three days a week?',
      'combobox',
      true,
      pick('Yes', FROM.onSite),
      {
        options: YES_NO,
      },
    ),
    nt(
      'customQuestion_64',
      `Have you worked for ${p.company.name} before?`,
      'combobox',
      true,
      pick('No', FROM.formerEmployee),
      { options: YES_NO },
    ),
  ],
  path,
  `${path}/apply`,
);

const CSS = `body{font-family:"Lato",Arial,sans-serif;margin:0;color:#222;background:#f4f4f4}.fab-Page{max-width:760px;margin:24px auto;background:#fff;padding:24px 32px}
.fab-FormField{margin:14px 0}.fab-Label{display:block;font-weight:600;margin-bottom:4px}.fab-Label--required:after{content:"*";color:#c20000;margin-left:2px}
.fab-TextInput{border:1px solid #ccc;border-radius:2px;padding:8px;width:320px}.fab-SelectToggle{display:flex;border:1px solid #ccc;width:320px;padding:4px 8px;position:relative}
.fab-SelectToggle__content{position:absolute;top:8px;pointer-events:none}.fab-SelectToggle__input{border:0;outline:0;flex:1;padding:5px 0;background:transparent}
.fab-MenuList{background:#fff;border:1px solid #ccc;box-shadow:0 2px 8px #0003}.fab-MenuOption{padding:8px}.fab-MenuOption--active{background:#e8f5d6}
.fab-Button{background:#82af13;color:#fff;border:0;padding:10px 20px;cursor:pointer}.fab-FormField__error{color:#c20000}.cal-pop{position:absolute;background:#fff;border:1px solid #ccc;padding:8px;z-index:4}
.calendar-grid{display:grid;grid-template-columns:repeat(7,2.2em)}.cal-nav{display:flex;justify-content:space-between}`;

const uploads = new UploadStore();

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(
        formPage(form, 'bamboohr', {
          title: `${p.title} - ${p.company.name}`,
          css: CSS,
          extra: { uploadUrl: `/bamboohr/${p.company.board}/careers/upload` },
          chrome: (root) => html`<div class="fab-Page">${root}</div>`,
        }),
      );
    });
    router.post(`/bamboohr/${p.company.board}/careers/upload`, (req, res) => uploads.receive(req, res));
    router.post(
      `${path}/apply`,
      fetchSubmit(form, ctx, { uploads: { store: uploads, fields: ['resumeFileId', 'coverLetterFileId'] } }),
    );
    return router;
  },
};
export default form;
