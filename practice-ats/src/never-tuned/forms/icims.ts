// iCIMS (careers-<company>.icims.com), second variant: the company page frames the portal in
// #icims_content_iframe; inside, a first step asks only an email address and consent to the
// privacy policy, then a plain HTML form: selects whose options submit numeric ids, a date split
// into month/day/year selects, required radios marked only by their legend's asterisk, a
// "permanently authorized" question and an export-control question nobody answered.
import { Router } from 'express';
import type { ParsedForm } from '../../shared/form-data.ts';
import { parseForm, single } from '../../shared/form-data.ts';
import { type Html, html, raw } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { answerPagePost, receiveApplication } from '../../shared/receive-application.ts';
import { type FieldError, isEmail } from '../../shared/validation.ts';
import { ask, CONSENT, is, pick, RESUME } from '../../spec/expectation.ts';
import { type FieldSpec, formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { type NeverTunedForm, nt } from '../serve.ts';
import { FROM_SPONSORSHIP, FULL_PHONE, fromAuthorized, RESUME_TYPES } from './common.ts';

const p = NEVER_TUNED_POSTINGS.icims;
const base = `/icims/jobs/${p.externalId}`;
const outer = `${base}/application-developer-ii/job`;
const ids = (labels: readonly string[], first: number) => options(labels, (_l, i) => String(first + i));
const YES_NO_IDS = ids(['Yes', 'No'], 2781);
const P = 'PersonProfileFields';

const spec = formOf(
  'icims',
  p,
  [
    nt('email', 'Email Address', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('privacyConsent', 'I have read and accept the Privacy Policy', 'checkbox', true, CONSENT, {
      options: [{ value: '1', label: 'I accept' }],
    }),
    nt(`${P}.FirstName`, 'First Name', 'text', true, is('Maren', 'profile.firstName'), {
      id: 'PersonProfileFields.FirstName',
    }),
    nt(`${P}.LastName`, 'Last Name', 'text', true, is('Okafor', 'profile.lastName'), {
      id: 'PersonProfileFields.LastName',
    }),
    nt(`${P}.AddressStreet1`, 'Street Address', 'text', true, is('4120 Fremont Ave N', 'profile.location.addressLine')),
    nt(`${P}.AddressCity`, 'City', 'text', true, is('Seattle', 'profile.location.city')),
    nt(`${P}.AddressState`, 'State/Province', 'select', true, pick('Washington', 'profile.location.region'), {
      options: ids(['California', 'Colorado', 'New York', 'Texas', 'Washington'], 4738),
    }),
    nt(`${P}.AddressZip`, 'Zip/Postal Code', 'text', true, is('98103', 'profile.location.postalCode')),
    nt(`${P}.Phone`, 'Phone Number', 'tel', true, is(FULL_PHONE, 'profile.phone'), { format: 'phone' }),
    nt('resume', 'Resume', 'file', true, RESUME, { accept: RESUME_TYPES, maxBytes: 5 * 1024 * 1024 }),
    nt('rcf3048', 'Date available to start', 'date', true, is('2027-02-01', FROM.start), { dateFormat: 'iso' }),
    nt('rcf3051', 'Are you 18 years of age or older?', 'radio', true, pick('Yes', FROM.adult), { options: YES_NO_IDS }),
    nt(
      'rcf3052',
      `Have you ever been employed by ${p.company.name}?`,
      'select',
      true,
      pick('No', FROM.formerEmployee),
      { options: ids(['Yes', 'No'], 2790) },
    ),
    nt(
      'rcf3053',
      'Are you permanently authorized to work in the United States?',
      'radio',
      false,
      pick('Yes', `${fromAuthorized('United States', true)}; ${FROM_SPONSORSHIP}`),
      {
        options: ids(['Yes', 'No'], 2795),
      },
    ),
    nt(
      'rcf3054',
      'Are you a U.S. person as defined under U.S. export control regulations (ITAR/EAR), i.e. a U.S. citizen, national, lawful permanent resident, asylee or refugee?',
      'radio',
      false,
      ask('export-control status is neither in the profile nor in the answer sheet'),
      { options: ids(['Yes', 'No'], 2799) },
    ),
  ],
  `${base}/login?in_iframe=1`,
  `${base}/candidate/submit?in_iframe=1`,
);

const CSS = `body{font-family:Arial,sans-serif;margin:0;color:#222}.iCIMS_MainWrapper{max-width:720px;margin:16px auto;padding:0 16px}
.iCIMS_InfoField{margin:12px 0}.iCIMS_InfoField label,.iCIMS_InfoField legend{display:block;font-weight:bold;margin-bottom:4px}.iCIMS_InfoField input[type=text],.iCIMS_InfoField input[type=email],.iCIMS_InfoField select{padding:6px;width:300px}
.iCIMS_Error{color:#b00}.iCIMS_Button{background:#1d4f91;color:#fff;border:0;padding:10px 22px;cursor:pointer}fieldset{border:0;padding:0;margin:12px 0}.date-selects select{width:auto;margin-right:6px}`;

const by = (name: string) => spec.fields.find((f) => f.name === name) as FieldSpec;

function errorOf(errors: FieldError[], f: FieldSpec): Html | string {
  const e = errors.find((x) => x.field === f.name);
  return e ? html`<div class="iCIMS_Error">${e.message}</div>` : '';
}

function text(f: FieldSpec, form: ParsedForm | null, errors: FieldError[]): Html {
  return html`<div class="iCIMS_InfoField"><label for="${f.id}">${f.label}${f.required ? html` <span class="iCIMS_Required" aria-hidden="true">*</span>` : ''}</label><input type="text" id="${f.id}" name="${f.name}" value="${form ? single(form, f.name) : ''}">${errorOf(errors, f)}</div>`;
}

function select(f: FieldSpec, errors: FieldError[]): Html {
  return html`<div class="iCIMS_InfoField"><label for="${f.id}">${f.label} <span aria-hidden="true">*</span></label><select id="${f.id}" name="${f.name}"><option value="">(Choose One)</option>${(f.options ?? []).map((o) => html`<option value="${o.value}">${o.label}</option>`)}</select>${errorOf(errors, f)}</div>`;
}

function radios(f: FieldSpec, errors: FieldError[]): Html {
  // Required-ness shows only as the asterisk in the legend.
  return html`<fieldset class="iCIMS_InfoField"><legend>${f.label}${f.required ? ' *' : ''}</legend>${(
    f.options ?? []
  ).map(
    (o, i) =>
      html`<label class="option"><input type="radio" id="${f.id}_${i}" name="${f.name}" value="${o.value}"> ${o.label}</label>`,
  )}${errorOf(errors, f)}</fieldset>`;
}

function frame(body: Html): string {
  return page({
    title: `${p.title} | ${p.company.name} Careers`,
    css: CSS,
    body: html`<div class="iCIMS_MainWrapper">${body}</div>`,
  });
}

function loginPage(error = ''): string {
  return frame(html`<h2>${p.title}</h2><p>Please enter your email address to begin your application.</p>
${error ? html`<div class="iCIMS_Error" role="alert">${error}</div>` : ''}
<form method="post" action="${base}/candidate?in_iframe=1" id="icims_login">
<div class="iCIMS_InfoField"><label for="email">Email Address</label><input type="email" id="email" name="email" autocomplete="email"></div>
<div class="iCIMS_InfoField"><label><input type="checkbox" id="privacyConsent" name="privacyConsent" value="1"> I have read and accept the <a href="#privacy">Privacy Policy</a></label></div>
<button type="submit" class="iCIMS_Button" id="enterEmailSubmitButton">Next</button></form>`);
}

function profilePage(email: string, form: ParsedForm | null, errors: FieldError[]): string {
  const dateField = by('rcf3048');
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return frame(html`<h2>Candidate Profile</h2>
${errors.length ? html`<div class="iCIMS_Error" role="alert">Please correct the errors below.</div>` : ''}
<form method="post" action="${spec.submitUrl}" enctype="multipart/form-data" id="icims_profile">
<input type="hidden" name="email" value="${email}"><input type="hidden" name="privacyConsent" value="1">
${[`${P}.FirstName`, `${P}.LastName`, `${P}.AddressStreet1`, `${P}.AddressCity`].map((n) => text(by(n), form, errors))}
${select(by(`${P}.AddressState`), errors)}
${[`${P}.AddressZip`, `${P}.Phone`].map((n) => text(by(n), form, errors))}
<div class="iCIMS_InfoField"><label for="resume">Resume <span aria-hidden="true">*</span></label><input type="file" id="resume" name="resume" accept="${RESUME_TYPES.join(',')}">${errorOf(errors, by('resume'))}</div>
<fieldset class="iCIMS_InfoField"><legend>${dateField.label} *</legend><span class="date-selects">
<select id="rcf3048_month" aria-label="Month"><option value="">Month</option>${months.map((m, i) => html`<option value="${pad(i + 1)}">${m}</option>`)}</select>
<select id="rcf3048_day" aria-label="Day"><option value="">Day</option>${Array.from({ length: 31 }, (_, i) => html`<option value="${pad(i + 1)}">${i + 1}</option>`)}</select>
<select id="rcf3048_year" aria-label="Year"><option value="">Year</option>${[2026, 2027, 2028].map((y) => html`<option value="${y}">${y}</option>`)}</select>
</span><input type="hidden" name="rcf3048" id="rcf3048">${errorOf(errors, dateField)}</fieldset>
${radios(by('rcf3051'), errors)}
${select(by('rcf3052'), errors)}
${radios(by('rcf3053'), errors)}
${radios(by('rcf3054'), errors)}
<button type="submit" class="iCIMS_Button" id="submitApplication">Submit Application</button></form>
<script>${raw(`(function(){var parts=['month','day','year'].map(function(k){return document.getElementById('rcf3048_'+k)});
function sync(){var m=parts[0].value,d=parts[1].value,y=parts[2].value;document.getElementById('rcf3048').value=m&&d&&y?y+'-'+m+'-'+d:'';}
parts.forEach(function(s){s.addEventListener('change',sync)});})();`)}</script>`);
}

const form: NeverTunedForm = {
  posting: p,
  applyPath: outer,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(outer, (_req, res) => {
      res.send(
        page({
          title: `${p.title} in ${p.location} | ${p.company.name}`,
          css: 'body{font-family:Arial,sans-serif;margin:0}header{background:#003a63;color:#fff;padding:16px 32px}iframe{width:100%;height:1800px;border:0}',
          body: html`<header>${p.company.name} Careers</header><iframe id="icims_content_iframe" name="icims_content_iframe" title="Job application" src="${base}/login?in_iframe=1"></iframe>`,
        }),
      );
    });
    router.get(`${base}/login`, (_req, res) => {
      res.send(loginPage());
    });
    router.post(`${base}/candidate`, async (req, res) => {
      const first = await parseForm(req);
      const email = single(first, 'email').trim();
      if (!isEmail(email) || single(first, 'privacyConsent') !== '1') {
        res.status(422).send(loginPage('Enter a valid email address and accept the Privacy Policy to continue.'));
        return;
      }
      res.send(profilePage(email, null, []));
    });
    router.post(`${base}/candidate/submit`, async (req, res) => {
      const outcome = await receiveApplication(req, ctx, p, spec, { refusesDuplicates: false });
      answerPagePost(res, outcome, {
        again: (view) => profilePage(single(view.form, 'email'), view.form, view.errors ?? []),
        alreadyApplied: '',
        done: () => `${base}/candidate/thanks?in_iframe=1`,
      });
    });
    router.get(`${base}/candidate/thanks`, (_req, res) => {
      res.send(frame(html`<h2>Thank you!</h2><p>Your application for ${p.title} has been submitted successfully.</p>`));
    });
    return router;
  },
};
export default form;
