// The plain careers site: a job list, a posting page and an honest HTML application form with
// labels, fieldsets and radio groups, an error summary on top and messages by each field.

import { captchaWidget } from '../../adversarial/captcha.ts';
import type { Posting } from '../../catalog/posting.ts';
import { descriptionParagraphs, salaryText } from '../../catalog/posting.ts';
import { control, isGroup } from '../../shared/controls.ts';
import type { ParsedForm } from '../../shared/form-data.ts';
import { type Html, html } from '../../shared/html.ts';
import { bullets, page, paragraphs } from '../../shared/layout.ts';
import type { FieldError } from '../../shared/validation.ts';
import type { FieldSpec, FormSpec } from '../../spec/form-spec.ts';
import { careersPath } from './spec.ts';

const CSS = `body{font-family:Georgia,serif;margin:0;color:#1d2a33;background:#fff}
header{background:#0b3954;color:#fff;padding:16px 32px}header a{color:#fff;text-decoration:none;font-weight:bold}
main{max-width:760px;margin:32px auto;padding:0 24px;font-family:system-ui,sans-serif}
fieldset{border:1px solid #c9d3da;border-radius:6px;margin:0 0 20px;padding:12px 20px}
legend{font-weight:700;padding:0 6px}.field{margin:12px 0}.field label,.caption{display:block;font-weight:600;margin-bottom:4px}
input[type=text],input[type=email],input[type=tel],input[type=url],input[type=date],select,textarea{width:100%;padding:8px;box-sizing:border-box;font:inherit}
.option{display:block;font-weight:normal;margin:4px 0}.req{color:#b00020}.hint{color:#5a6b78;font-size:.9em}
.error{color:#b00020;font-weight:600}.error-summary{border:4px solid #b00020;padding:12px 20px;margin-bottom:20px}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
button{background:#0b3954;color:#fff;border:0;padding:12px 28px;font-size:1rem;border-radius:4px;cursor:pointer}
.jobs li{margin:10px 0}`;

function shell(p: Posting, title: string, body: Html): string {
  return page({
    title,
    css: CSS,
    body: html`<header><a href="/careers/${p.company.board}">${p.company.name} Careers</a></header><main>${body}</main>`,
  });
}

export function boardPage(postings: readonly Posting[]): string {
  const [first] = postings;
  if (!first) throw new Error('A careers board needs at least one posting.');
  return shell(
    first,
    `Careers at ${first.company.name}`,
    html`<h1>Open positions</h1><p>${first.company.about}</p>
<ul class="jobs">${postings.map(
      (p) =>
        html`<li><a href="${careersPath(p)}">${p.title}</a> <span class="hint">${p.department} · ${p.location}</span></li>`,
    )}</ul>`,
  );
}

export function postingPage(p: Posting): string {
  const salary = salaryText(p);
  return shell(
    p,
    `${p.title} | ${p.company.name}`,
    html`<article class="posting"><h1>${p.title}</h1>
<p class="hint">${p.department} · ${p.location}${p.remote ? ' · Remote friendly' : ''} · ${p.employmentType}</p>
${salary ? html`<p><strong>Salary:</strong> ${salary}</p>` : ''}
${paragraphs(descriptionParagraphs(p).slice(0, 2))}
<h2>What you'll do</h2>${bullets(p.keyPoints)}
<h2>What we're looking for</h2>${bullets(p.requirements)}
<p>${p.company.benefits}</p>
<p><a class="apply" href="${careersPath(p)}/apply"><button type="button">Apply now</button></a></p></article>`,
  );
}

export interface FormView {
  fields: FieldSpec[];
  /** Flat (no section fieldsets), as the shuffled layout renders. */
  flat: boolean;
}

function fieldRow(field: FieldSpec, form: ParsedForm | null, error: FieldError | undefined): Html {
  const errorId = `${field.id}-error`;
  const opts = {
    value: form?.fields[field.name],
    invalid: error !== undefined,
    describedBy: error ? errorId : undefined,
  };
  const required = field.required ? html` <span class="req" aria-hidden="true">*</span>` : '';
  const message = error ? html`<p class="error" id="${errorId}">${error.message}</p>` : '';
  const hint = field.description ? html`<p class="hint">${field.description}</p>` : '';
  if (field.asks.kind === 'honeypot') {
    return html`<div class="hp" aria-hidden="true"><label for="${field.id}">${field.label}</label>${control(field, { extra: { tabindex: '-1' } })}</div>`;
  }
  if (isGroup(field)) {
    return html`<fieldset class="field group"><legend>${field.label}${required}</legend>${message}${control(field, opts)}</fieldset>`;
  }
  if (field.type === 'checkbox') {
    return html`<div class="field">${message}<label class="option">${control(field, opts)} ${field.label}${required}</label></div>`;
  }
  // Two fields are labelled the way many hand-made sites do: by aria-labelledby and by nearby text.
  if (field.name === 'city') {
    return html`<div class="field"><span class="caption" id="${field.id}-label">${field.label}</span>${message}${control(field, { ...opts, extra: { 'aria-labelledby': `${field.id}-label` } })}</div>`;
  }
  if (field.name === 'phone') {
    return html`<div class="field"><span class="caption">${field.label}${required}</span>${message}${control(field, opts)}</div>`;
  }
  return html`<div class="field"><label for="${field.id}">${field.label}${required}</label>${hint}${message}${control(field, opts)}</div>`;
}

function sections(fields: FieldSpec[]): Array<[string, FieldSpec[]]> {
  const out: Array<[string, FieldSpec[]]> = [];
  for (const f of fields) {
    const name = f.section ?? '';
    const last = out.at(-1);
    if (last && last[0] === name) last[1].push(f);
    else out.push([name, [f]]);
  }
  return out;
}

export function applyPage(
  p: Posting,
  spec: FormSpec,
  view: FormView,
  form: ParsedForm | null = null,
  errors: FieldError[] = [],
): string {
  const errorFor = (f: FieldSpec) => errors.find((e) => e.field === f.name);
  const rows = (fields: FieldSpec[]) => fields.map((f) => fieldRow(f, form, errorFor(f)));
  const body = view.flat
    ? rows(view.fields)
    : sections(view.fields).map(([legend, fields]) =>
        legend ? html`<fieldset><legend>${legend}</legend>${rows(fields)}</fieldset>` : rows(fields),
      );
  const idOf = (e: FieldError) => view.fields.find((f) => f.name === e.field)?.id ?? '';
  return shell(
    p,
    `Apply: ${p.title} | ${p.company.name}`,
    html`<h1>Apply for ${p.title}</h1>
${
  errors.length > 0
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>There is a problem with your application</h2>
<ul>${errors.map((e) => html`<li><a href="#${idOf(e)}">${e.label}: ${e.message}</a></li>`)}</ul></div>`
    : ''
}
<p>Fields marked <span class="req">*</span> are required.</p>
<form id="application-form" method="post" action="${spec.submitUrl}" enctype="multipart/form-data" novalidate>
${body}
${p.scenario === 'captcha' ? captchaWidget() : ''}
<button type="submit" id="submit-application">Submit application</button>
</form>`,
  );
}

export function thanksPage(p: Posting, reference: string): string {
  return shell(
    p,
    `Application received | ${p.company.name}`,
    html`<section class="confirmation" role="status"><h1>Thank you for applying</h1>
<p>Your application for <strong>${p.title}</strong> has been received. We read every application and will get back to you within two weeks.</p>
<p>Your reference: <code id="application-reference">${reference}</code></p></section>`,
  );
}
