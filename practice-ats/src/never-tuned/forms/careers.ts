// A company's own careers page (no ATS vendor), second variant: plain HTML whose required fields
// say so only in their accessible names, a fieldset whose legend carries the marker, an
// off-screen honeypot, a newsletter opt-in, and a visible hCaptcha-style challenge that a person
// must solve before the server takes the application: the engine must stop there (blocked).
import { Router } from 'express';
import { CAPTCHA_FIELD } from '../../adversarial/captcha.ts';
import type { ParsedForm } from '../../shared/form-data.ts';
import { single } from '../../shared/form-data.ts';
import { html } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { answerPagePost, receiveApplication } from '../../shared/receive-application.ts';
import type { FieldError } from '../../shared/validation.ts';
import { CONSENT, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { type FieldSpec, formOf, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { type NeverTunedForm, nt } from '../serve.ts';
import { FULL_PHONE, RESUME_TYPES, YES_NO } from './common.ts';

const p = NEVER_TUNED_POSTINGS.careers;
const path = `/careers/${p.company.board}/jobs/${p.externalId}/apply`;

const spec = formOf(
  'careers',
  p,
  [
    nt('given_name', 'First name', 'text', true, is('Maren', 'profile.firstName')),
    nt('family_name', 'Last name', 'text', true, is('Okafor', 'profile.lastName')),
    nt('contact_email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('contact_phone', 'Phone', 'tel', true, is(FULL_PHONE, 'profile.phone'), { format: 'phone' }),
    nt('linkedin', 'LinkedIn', 'url', false, is('https://www.linkedin.com/in/maren-okafor', 'profile.links.linkedin'), {
      format: 'url',
    }),
    nt('cv', 'CV', 'file', true, RESUME, { accept: RESUME_TYPES, maxBytes: 5 * 1024 * 1024 }),
    nt(
      'onsite',
      'This role works from our Portland lab every day. Can you work on-site?',
      'radio',
      true,
      pick('Yes', FROM.onSite),
      { options: YES_NO },
    ),
    nt('newsletter', 'Send me the Oakridge engineering newsletter', 'checkbox', false, empty('a marketing opt-in'), {
      options: [{ value: 'yes', label: 'Yes' }],
    }),
    nt('privacy', 'I agree to the processing of my personal data for this application', 'checkbox', true, CONSENT, {
      options: [{ value: 'yes', label: 'I agree' }],
    }),
    nt('company_fax', 'Fax', 'text', false, empty('an off-screen honeypot'), { asks: { kind: 'honeypot' } }),
  ],
  path,
);
spec.captcha = 'visible';

const CSS = `body{font-family:Georgia,serif;margin:0;color:#1b2a1f}header{background:#2f4f3a;color:#fff;padding:16px 32px}main{max-width:680px;margin:24px auto;padding:0 20px;font-family:system-ui,sans-serif}
.row{margin:14px 0}.row label,legend{display:block;font-weight:600;margin-bottom:4px}.row input[type=text],.row input[type=email],.row input[type=tel],.row input[type=url]{width:100%;padding:8px;box-sizing:border-box}
.offscreen{position:absolute;left:-10000px;top:-10000px}.err{color:#a40000}button{background:#2f4f3a;color:#fff;border:0;padding:12px 24px}.h-captcha{margin:16px 0}`;

function applyPage(form: ParsedForm | null, errors: FieldError[]): string {
  const by = (n: string) => spec.fields.find((f) => f.name === n) as FieldSpec;
  const err = (f: FieldSpec) => {
    const e = errors.find((x) => x.field === f.name);
    return e ? html`<div class="err">${e.message}</div>` : '';
  };
  const text = (f: FieldSpec, type: string) =>
    html`<div class="row"><label for="${f.id}">${f.label}</label><input type="${type}" id="${f.id}" name="${f.name}"${f.required ? html` aria-label="${f.label} (Required)"` : ''} value="${form ? single(form, f.name) : ''}">${err(f)}</div>`;
  const onsite = by('onsite');
  return page({
    title: `Apply: ${p.title} | ${p.company.name}`,
    css: CSS,
    body: html`<header>${p.company.name} · Careers</header><main><h1>${p.title}</h1>
${errors.length ? html`<div class="err" role="alert">We could not send your application: ${errors.map((e) => `${e.label}: ${e.message}`).join(' ')}</div>` : ''}
<form method="post" action="${path}" enctype="multipart/form-data" novalidate>
${text(by('given_name'), 'text')}${text(by('family_name'), 'text')}${text(by('contact_email'), 'email')}${text(by('contact_phone'), 'tel')}${text(by('linkedin'), 'url')}
<div class="row"><label for="cv">CV (PDF or Word)</label><input type="file" id="cv" name="cv" aria-label="CV (Required)" accept="${RESUME_TYPES.join(',')}">${err(by('cv'))}</div>
<fieldset class="row"><legend>${onsite.label} <span class="marker">(required)</span></legend>${(onsite.options ?? []).map((o) => html`<label><input type="radio" name="onsite" value="${o.value}"> ${o.label}</label>`)}${err(onsite)}</fieldset>
<div class="row"><label><input type="checkbox" name="newsletter" value="yes"> ${by('newsletter').label}</label></div>
<div class="row"><label><input type="checkbox" name="privacy" value="yes" aria-label="${by('privacy').label} (Required)"> ${by('privacy').label}</label>${err(by('privacy'))}</div>
<div class="offscreen" aria-hidden="true"><label for="company_fax">Fax</label><input type="text" id="company_fax" name="company_fax" tabindex="-1" autocomplete="off"></div>
<div class="h-captcha" data-sitekey="10000000-practice-visible">
<iframe title="Widget containing checkbox for hCaptcha security challenge" src="/__practice/captcha/anchor" width="304" height="78" style="border:0"></iframe>
<textarea id="${CAPTCHA_FIELD}" name="${CAPTCHA_FIELD}" style="display:none"></textarea></div>
<button type="submit">Send application</button></form></main>
<script>addEventListener('message',function(e){if(e.data&&e.data.practiceCaptchaToken)document.getElementById('${CAPTCHA_FIELD}').value=e.data.practiceCaptchaToken;});</script>`,
  });
}

const form: NeverTunedForm = {
  posting: p,
  applyPath: path,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(path, (_req, res) => {
      res.send(applyPage(null, []));
    });
    router.post(path, async (req, res) => {
      const outcome = await receiveApplication(req, ctx, p, spec, {
        refusesDuplicates: false,
        extraChecks: (posted) =>
          ctx.captcha.redeem(single(posted, CAPTCHA_FIELD))
            ? []
            : [{ field: CAPTCHA_FIELD, label: 'Verification', message: 'Please complete the security check.' }],
      });
      answerPagePost(res, outcome, {
        again: (view) => applyPage(view.form, view.errors ?? []),
        alreadyApplied: '',
        done: () => `/careers/${p.company.board}/jobs/${p.externalId}/applied`,
      });
    });
    router.get(`/careers/${p.company.board}/jobs/${p.externalId}/applied`, (_req, res) => {
      res.send(
        page({
          title: 'Application sent',
          css: CSS,
          body: html`<main><h1>Thank you, your application has been sent.</h1></main>`,
        }),
      );
    });
    return router;
  },
};
export default form;
