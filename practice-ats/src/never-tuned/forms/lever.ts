// Lever's hosted apply page (jobs.lever.co/<site>/<id>/apply), second variant: a plain form post,
// "Apply with LinkedIn" above it, ATTACH RESUME/CV over a hidden file input, custom questions
// as "cards" labelled only by nearby text, a long question that mentions email addresses, the
// "Additional information" cover-letter box, an off-screen honeypot, and the invisible hCaptcha
// container every Lever posting renders.
import { Router } from 'express';
import type { Posting } from '../../catalog/posting.ts';
import { type ParsedForm, single } from '../../shared/form-data.ts';
import { type Html, html } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { answerPagePost, receiveApplication } from '../../shared/receive-application.ts';
import type { FieldError } from '../../shared/validation.ts';
import { ask, empty, is, pick, RESUME } from '../../spec/expectation.ts';
import { type FieldSpec, formOf, options, profile } from '../../spec/form-spec.ts';
import { FROM } from '../applicant.ts';
import { NEVER_TUNED_POSTINGS } from '../postings.ts';
import { type NeverTunedForm, nt } from '../serve.ts';
import { FROM_SPONSORSHIP, FULL_PHONE, fromAuthorized, NO_COVER_LETTER, RESUME_TYPES, YES_NO } from './common.ts';

const p: Posting = NEVER_TUNED_POSTINGS.lever;
const path = `/lever/${p.company.board}/${p.externalId}`;
const CARD = 'cards[6b1f2c7e-93d4-4a8e-b5c0-2e7d9f1a4c68]';
const card = (n: number) => `${CARD}[field${n}]`;

const spec = formOf(
  'lever',
  p,
  [
    nt('resume', 'Resume/CV', 'file', true, RESUME, {
      id: 'resume-upload-input',
      accept: RESUME_TYPES,
      maxBytes: 100 * 1024 * 1024,
    }),
    nt('name', 'Full name', 'text', true, is('Maren Okafor', 'profile.firstName + profile.lastName')),
    nt('email', 'Email', 'email', true, is('maren.okafor@example.net', 'profile.email'), {
      asks: profile('profile.email'),
      format: 'email',
    }),
    nt('phone', 'Phone', 'tel', false, is(FULL_PHONE, 'profile.phone'), { format: 'phone' }),
    nt('org', 'Current company', 'text', false, is('Harbor Analytics', 'profile.currentCompany')),
    nt(
      'urls[LinkedIn]',
      'LinkedIn URL',
      'url',
      false,
      is('https://www.linkedin.com/in/maren-okafor', 'profile.links.linkedin'),
      { id: 'urls-linkedin' },
    ),
    nt('urls[GitHub]', 'GitHub URL', 'url', false, is('https://github.com/marenokafor', 'profile.links.github'), {
      id: 'urls-github',
    }),
    nt('urls[Portfolio]', 'Portfolio URL', 'url', false, ask('the profile has no portfolio link'), {
      id: 'urls-portfolio',
    }),
    nt(
      card(0),
      'Are you legally authorized to work in Canada without restriction?',
      'radio',
      true,
      pick('Yes', fromAuthorized('Canada', true)),
      {
        id: 'card0',
        options: YES_NO,
      },
    ),
    nt(
      card(1),
      'Will you now, or in the future, require sponsorship to work in Canada?',
      'radio',
      true,
      pick('No', FROM_SPONSORSHIP),
      {
        id: 'card1',
        options: YES_NO,
      },
    ),
    nt(
      card(2),
      'How many years of TypeScript experience do you have?',
      'select',
      true,
      pick('2-4 years', FROM.typescript),
      {
        id: 'card2',
        options: options(['0-1 years', '2-4 years', '5-7 years', '8+ years']),
      },
    ),
    nt(
      card(3),
      'Please list three professional references, with their names, titles, how you know them and their email addresses.',
      'textarea',
      false,
      ask(
        'references are not in the profile or the answer sheet; the question mentions email but does not ask for the applicant’s',
      ),
      { id: 'card3' },
    ),
    nt(
      `${CARD}[baseTemplate]`,
      'card template',
      'text',
      false,
      { kind: 'any', why: 'the page fills it' },
      {
        asks: { kind: 'system' },
        value: '{"id":"6b1f2c7e","text":"Screening questions"}',
      },
    ),
    nt('comments', 'Additional information', 'textarea', false, empty(NO_COVER_LETTER)),
    nt('confirm_email_address', 'Confirm email', 'email', false, empty('an off-screen honeypot'), {
      asks: { kind: 'honeypot' },
    }),
  ],
  `${path}/apply`,
);
spec.captcha = 'invisible';

const CSS = `body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;margin:0;color:#515357;background:#f9f9f9}
.main-header{background:#fff;padding:24px 48px;border-bottom:1px solid #e2e2e2}.page-centered{max-width:760px;margin:0 auto;padding:24px}
.application-question{list-style:none;display:flex;margin:16px 0}.application-label{width:220px;font-weight:600;color:#333}.application-field{flex:1}
.application-field input[type=text],.application-field input[type=email],.application-field input[type=url],.application-field select,.application-field textarea{width:100%;padding:8px;border:1px solid #ccc;border-radius:3px;box-sizing:border-box}
.full-width{width:100%;display:block}.custom-question{flex-direction:column}.required{color:#e85c41;margin-left:4px}
.postings-btn{background:#579eee;color:#fff;border:0;border-radius:3px;padding:10px 18px;cursor:pointer;font-weight:700;display:inline-block}
.visible-resume-upload{position:relative;overflow:hidden}.invisible-resume-upload{position:absolute;left:0;top:0;opacity:0;width:100%;height:100%;cursor:pointer}
.awli-button{background:#0a66c2}.error-message{color:#e85c41}.application-answer-alternative{margin-left:6px}
.h-captcha-hp{position:absolute;left:-9000px;top:0}ul{padding:0}`;

function value(form: ParsedForm | null, f: FieldSpec): string {
  return form ? single(form, f.name) : '';
}

function errorFor(errors: FieldError[], f: FieldSpec): Html | string {
  const e = errors.find((x) => x.field === f.name);
  return e ? html`<div class="error-message">${e.message}</div>` : '';
}

function textRow(f: FieldSpec, form: ParsedForm | null, errors: FieldError[]): Html {
  const input = html`<input type="${f.type === 'email' ? 'email' : 'text'}" name="${f.name}" id="${f.id}" value="${value(form, f)}"${f.required ? html` required` : ''}>`;
  return html`<li class="application-question"><label><div class="application-label">${f.label}${f.required ? html`<span class="required">✱</span>` : ''}</div><div class="application-field">${input}</div></label>${errorFor(errors, f)}</li>`;
}

function cardRow(f: FieldSpec, form: ParsedForm | null, errors: FieldError[]): Html {
  const current = value(form, f);
  const label = html`<div class="application-label full-width"><div class="text">${f.label}${f.required ? html`<span class="required">✱</span>` : ''}</div></div>`;
  let control: Html;
  if (f.type === 'radio') {
    control = html`<ul data-qa="multiple-choice">${(f.options ?? []).map(
      (o) =>
        html`<li><label><input type="radio" name="${f.name}" value="${o.value}"${current === o.value ? html` checked` : ''}${f.required ? html` required` : ''}><span class="application-answer-alternative">${o.label}</span></label></li>`,
    )}</ul>`;
  } else if (f.type === 'select') {
    control = html`<select name="${f.name}"${f.required ? html` required` : ''}><option value="">Select ...</option>${(
      f.options ?? []
    ).map(
      (o) => html`<option value="${o.value}"${current === o.value ? html` selected` : ''}>${o.label}</option>`,
    )}</select>`;
  } else {
    control = html`<textarea name="${f.name}" class="card-field-input">${current}</textarea>`;
  }
  return html`<li class="application-question custom-question">${label}<div class="application-field full-width">${control}</div>${errorFor(errors, f)}</li>`;
}

function applyPage(form: ParsedForm | null, errors: FieldError[]): string {
  const by = (name: string) => spec.fields.find((f) => f.name === name) as FieldSpec;
  const resume = by('resume');
  const cards = spec.fields.filter((f) => f.name.startsWith(CARD) && f.asks.kind !== 'system');
  const basics = ['name', 'email', 'phone', 'org'].map((n) => textRow(by(n), form, errors));
  const links = ['urls[LinkedIn]', 'urls[GitHub]', 'urls[Portfolio]'].map((n) => textRow(by(n), form, errors));
  return page({
    title: `${p.company.name} - ${p.title}`,
    css: CSS,
    body: html`<div class="main-header"><a href="/lever/${p.company.board}">${p.company.name}</a></div>
<div class="section-wrapper page-full-width"><div class="posting-headline page-centered"><h2>${p.title}</h2><div class="posting-categories"><div class="location">${p.location}</div></div></div></div>
<div class="page-centered application-page">
<form id="application-form" method="POST" enctype="multipart/form-data" action="${path}/apply" novalidate>
<div class="section application-form"><h4>Submit your application</h4>
<button type="button" class="postings-btn awli-button" data-qa="btn-apply-with-linkedin">Apply with LinkedIn</button>
${errors.length > 0 ? html`<div class="error-message" role="alert">Please fix the errors below and resubmit.</div>` : ''}
<ul>
<li class="application-question resume"><label><div class="application-label">${resume.label}<span class="required">✱</span></div><div class="application-field"><a class="postings-btn template-btn-utility visible-resume-upload"><span class="default-label">ATTACH RESUME/CV</span><input id="${resume.id}" class="application-file-input invisible-resume-upload" type="file" name="resume" accept="${RESUME_TYPES.join(',')}"></a><span class="filename"></span></div></label>${errorFor(errors, resume)}</li>
${basics}
</ul></div>
<div class="section application-form"><h4>Links</h4><ul>${links}</ul></div>
<div class="section application-form application-additional"><h4>Screening questions</h4><ul>${cards.map((f) => cardRow(f, form, errors))}</ul>
<input type="hidden" name="${CARD}[baseTemplate]" value="${by(`${CARD}[baseTemplate]`).value ?? ''}"></div>
<div class="section application-form"><h4>Additional information</h4><textarea name="comments" id="comments" placeholder="Add a cover letter or anything else you want to share.">${form ? single(form, 'comments') : ''}</textarea></div>
<div class="h-captcha-hp" aria-hidden="true"><label for="confirm_email_address">Confirm email</label><input type="email" id="confirm_email_address" name="confirm_email_address" tabindex="-1" autocomplete="off"></div>
<div id="h-captcha" class="h-captcha" data-sitekey="e2b4-practice-lever" data-size="invisible" data-callback="onHcaptchaSubmit"></div>
<textarea name="h-captcha-response" style="display:none"></textarea>
<div class="section page-centered last-section-apply"><button id="btn-submit" type="button" class="postings-btn template-btn-submit">Submit application</button></div>
</form></div>
<script>
document.getElementById('resume-upload-input').addEventListener('change', function () {
  document.querySelector('.filename').textContent = this.files[0] ? this.files[0].name : '';
});
document.getElementById('btn-submit').addEventListener('click', function () {
  // The invisible hCaptcha runs here and passes silently for a person; then the form posts.
  this.disabled = true;
  document.getElementById('application-form').submit();
});
</script>`,
  });
}

const form: NeverTunedForm = {
  posting: p,
  applyPath: `${path}/apply`,
  spec,
  routes(ctx) {
    const router = Router();
    router.get(`${path}/apply`, (_req, res) => {
      res.send(applyPage(null, []));
    });
    router.post(`${path}/apply`, async (req, res) => {
      const outcome = await receiveApplication(req, ctx, p, spec, { refusesDuplicates: false });
      answerPagePost(res, outcome, {
        again: (view) => applyPage(view.form, view.errors ?? []),
        alreadyApplied: '',
        done: () => `${path}/thanks`,
      });
    });
    router.get(`${path}/thanks`, (_req, res) => {
      res.send(
        page({
          title: `${p.company.name} - Application submitted`,
          css: CSS,
          body: html`<div class="page-centered"><div class="section application-confirmation"><h3>Application submitted!</h3><p>Thank you for your interest in ${p.company.name}. We've received your application and will be in touch.</p></div></div>`,
        }),
      );
    });
    return router;
  },
};
export default form;
