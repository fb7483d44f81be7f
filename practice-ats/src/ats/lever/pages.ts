// Lever's hosted job site: the postings list grouped by team, the posting, the application form
// (li.application-question rows, ✱ for required, the card questions, the EEO survey, additional
// information) and the "Application submitted!" page.

import { captchaWidget } from '../../adversarial/captcha.ts';
import type { Posting } from '../../catalog/posting.ts';
import { descriptionParagraphs, salaryText } from '../../catalog/posting.ts';
import { locationAutocomplete } from '../../shared/autocomplete-script.ts';
import { control, isGroup } from '../../shared/controls.ts';
import type { ParsedForm } from '../../shared/form-data.ts';
import { type Html, html } from '../../shared/html.ts';
import { bullets, page, paragraphs } from '../../shared/layout.ts';
import type { FieldError } from '../../shared/validation.ts';
import { EEO_INTRO } from '../../spec/eeo.ts';
import type { FieldSpec, FormSpec } from '../../spec/form-spec.ts';
import { cardId, postingPath } from './spec.ts';

const CSS = `body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:#515357;margin:0;background:#f9f9f9}
.main-header{background:#fff;border-bottom:1px solid #e2e2e2;padding:20px 0}.page-centered{max-width:760px;margin:0 auto;padding:0 20px}
.main-header-logo{font-weight:bold;color:#333;text-decoration:none;font-size:1.3em}.section{background:#fff;padding:30px 20px;margin:0 auto}
.posting-headline h2{color:#333;font-size:2em;margin:0}.posting-categories{color:#808080;text-transform:uppercase;font-size:.75em;letter-spacing:1px}
.posting-category{display:inline-block;margin-right:12px}.application-form h4{text-transform:uppercase;font-size:.9em;letter-spacing:1px;color:#333}
.application-question{list-style:none;margin:14px 0}.application-question>label{display:flex;gap:12px;align-items:center}.application-label{width:220px;font-weight:500;color:#333}
.application-field{flex:1}.application-file-input{margin-left:10px}.application-field input[type=text],.application-field input[type=email],.application-field input[type=tel],.application-field input[type=url],.application-field select,.application-field textarea{width:100%;padding:8px;border:1px solid #e2e2e2;border-radius:3px;box-sizing:border-box}
.required{color:#ff794f;margin-left:4px;font-size:.8em}.custom-question{display:block}.custom-question .application-label{width:auto;margin-bottom:6px}
.application-answer-alternative{margin-left:6px}.option{display:block}ul{padding:0}
.error-message{color:#e4473d;font-size:.85em}.application-error{background:#fff2f1;border:1px solid #e4473d;padding:10px;border-radius:3px}
.postings-btn{background:#579eee;color:#fff;border:0;border-radius:3px;padding:12px 30px;text-transform:uppercase;letter-spacing:1px;cursor:pointer;text-decoration:none;display:inline-block}
.posting{background:#fff;padding:14px 20px;margin:8px 0}.posting-title h5{margin:0;font-size:1.1em;color:#333}
.eeo-survey{border-top:1px solid #e2e2e2;margin-top:20px}.location-dropdown{list-style:none;border:1px solid #e2e2e2;background:#fff;margin:0}.location-dropdown li{padding:6px 10px;cursor:pointer}`;

function header(p: Posting): Html {
  return html`<div class="main-header page-full-width section-wrapper"><div class="main-header-content page-centered"><a class="main-header-logo" href="/lever/${p.company.board}">${p.company.name}</a></div></div>`;
}

function categories(p: Posting): Html {
  return html`<div class="posting-categories"><div class="posting-category location">${p.location}</div><div class="posting-category department">${p.department}</div><div class="posting-category commitment">${p.employmentType}</div>${p.remote ? html`<div class="posting-category workplaceTypes">Remote</div>` : ''}</div>`;
}

export function boardPage(postings: readonly Posting[]): string {
  const first = postings[0];
  if (!first) throw new Error('A Lever site needs at least one posting.');
  const teams = [...new Set(postings.map((p) => p.department))];
  return page({
    title: first.company.name,
    css: CSS,
    body: html`${header(first)}<div class="page-centered postings-wrapper">${teams.map(
      (t) => html`<div class="postings-group"><div class="posting-category-title large-category-label">${t}</div>
${postings
  .filter((p) => p.department === t)
  .map(
    (p) =>
      html`<div class="posting" data-qa-posting-id="${p.externalId}"><a class="posting-title" href="${postingPath(p)}"><h5 data-qa="posting-name">${p.title}</h5>${categories(p)}</a><a class="posting-btn-submit template-btn-submit" href="${postingPath(p)}/apply">Apply</a></div>`,
  )}</div>`,
    )}</div>`,
  });
}

export function postingPage(p: Posting): string {
  const [opening, summary] = descriptionParagraphs(p);
  const salary = salaryText(p);
  return page({
    title: `${p.company.name} - ${p.title}`,
    css: CSS,
    body: html`${header(p)}<div class="section-wrapper page-full-width"><div class="section page-centered posting-header"><div class="posting-headline"><h2>${p.title}</h2>${categories(p)}</div>
<a class="postings-btn template-btn-submit" href="${postingPath(p)}/apply">Apply for this job</a></div>
<div class="section page-centered" data-qa="job-description">${paragraphs([opening ?? '', summary ?? ''])}</div>
<div class="section page-centered"><h3>What you'll do</h3>${bullets(p.keyPoints)}<h3>What we're looking for</h3>${bullets(p.requirements)}</div>
${salary ? html`<div class="section page-centered" data-qa="salary-range"><h3>Salary range</h3><p>${salary}</p></div>` : ''}
<div class="section page-centered"><p>${p.company.benefits}</p><a class="postings-btn template-btn-submit" href="${postingPath(p)}/apply">Apply for this job</a></div></div>`,
  });
}

function row(field: FieldSpec, form: ParsedForm | null, error?: FieldError): Html {
  const required = field.required ? html`<span class="required">✱</span>` : '';
  const message = error
    ? html`<div class="error-message" data-qa="field-error" id="${field.id}-error">${error.message}</div>`
    : '';
  const opts = {
    value: form?.fields[field.name],
    invalid: error !== undefined,
    describedBy: error ? `${field.id}-error` : undefined,
    placeholderOption: 'Select ...',
  };
  if (field.section === 'Additional questions') {
    const body = isGroup(field)
      ? html`<ul data-qa="${field.type === 'checkbox_group' ? 'checkboxes' : 'multiple-choice'}">${control(field, opts)}</ul>`
      : control(field, opts);
    return html`<li class="application-question custom-question"><div class="application-label full-width"><div class="text" id="${field.id}-label">${field.label}${required}</div></div>
<div class="application-field full-width${field.required ? ' required-field' : ''}"${isGroup(field) ? html` role="${field.type === 'checkbox_group' ? 'group' : 'radiogroup'}" aria-labelledby="${field.id}-label"` : ''}>${body}</div>${message}</li>`;
  }
  if (field.type === 'file') {
    return html`<li class="application-question resume"><label><div class="application-label">${field.label}${required}</div>
<div class="application-field"><a class="postings-btn template-btn-utility visible-resume-upload"><span class="default-label">Attach resume/CV</span>${control(field, { ...opts, extra: { class: 'application-file-input' } })}</a>
<span class="resume-upload-label" hidden></span></div></label>${message}</li>`;
  }
  return html`<li class="application-question"><label><div class="application-label">${field.label}${required}</div><div class="application-field">${control(field, opts)}</div></label>${message}</li>`;
}

export interface ApplyView {
  form?: ParsedForm | null;
  errors?: FieldError[];
  notice?: string;
}

export function applyPage(p: Posting, spec: FormSpec, view: ApplyView = {}): string {
  const form = view.form ?? null;
  const errors = view.errors ?? [];
  const rows = (section: string) =>
    spec.fields
      .filter((f) => f.section === section)
      .map((f) =>
        row(
          f,
          form,
          errors.find((e) => e.field === f.name),
        ),
      );
  const card = cardId(p);
  const cardQuestions = spec.fields.filter((f) => f.section === 'Additional questions');
  return page({
    title: `${p.company.name} - ${p.title}`,
    css: CSS,
    body: html`${header(p)}<div class="section-wrapper page-full-width"><div class="section page-centered application-header"><div class="posting-headline"><h2>${p.title}</h2>${categories(p)}</div></div></div>
<form id="application-form" method="POST" enctype="multipart/form-data" action="${spec.submitUrl}" novalidate>
<div class="section page-centered application-form">
${view.notice ? html`<div class="application-error already-applied" role="alert">${view.notice}</div>` : ''}
${errors.length > 0 ? html`<div class="application-error" role="alert" data-qa="form-error">There was an error submitting your application. Please check the fields below.</div>` : ''}
<h4>Submit your application</h4><ul>${rows('Submit your application')}</ul>
<h4>Links</h4><ul>${rows('Links')}</ul>
${
  cardQuestions.length > 0
    ? html`<div class="application-additional"><input type="hidden" name="cards[${card}][baseTemplate]" value="${JSON.stringify({ text: 'Additional questions', fields: cardQuestions.map((f) => ({ type: f.type, text: f.label, required: f.required })) })}">
<h4>Additional questions</h4><ul>${rows('Additional questions')}</ul></div>`
    : ''
}
<div class="eeo-survey" data-qa="eeo-survey"><h4>U.S. Equal Employment Opportunity information</h4><p>${EEO_INTRO}</p><ul>${rows('EEO')}</ul></div>
<h4>Additional information</h4><ul>${rows('Additional information')}</ul>
${p.scenario === 'captcha' ? captchaWidget() : ''}
<button type="submit" class="postings-btn template-btn-submit" id="btn-submit" data-qa="btn-submit">Submit application</button>
</div></form>
${locationAutocomplete('location-input', 'location-dropdown')}
<script>
document.getElementById('resume-upload-input').addEventListener('change', (e) => {
  const label = document.querySelector('.resume-upload-label');
  label.textContent = e.target.files[0] ? e.target.files[0].name : '';
  label.hidden = !e.target.files[0];
});
</script>`,
  });
}

export function thanksPage(p: Posting): string {
  return page({
    title: `${p.company.name} - Application submitted`,
    css: CSS,
    body: html`${header(p)}<div class="section page-centered template-thanks" data-qa="thanks-page"><h3>Application submitted!</h3>
<p>Thank you for applying to ${p.company.name}. We've received your application for ${p.title} and will be in touch if your experience is a match.</p></div>`,
  });
}
