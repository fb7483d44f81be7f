// SmartRecruiters' job page and the one-click application page, whose controls are spl-* web
// components (client.ts defines them), and the confirmation.
import type { Posting } from '../../catalog/posting.ts';
import { salaryText } from '../../catalog/posting.ts';
import { assetUrl } from '../../shared/client-bundle.ts';
import { attrs, type Html, html, raw } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { clientPosting } from '../../shared/spa-shell.ts';
import type { FieldSpec, FormSpec } from '../../spec/form-spec.ts';
import { applyPath, jobPath } from './spec.ts';

const CSS = `body{font-family:"Open Sans",Arial,sans-serif;margin:0;background:#f4f4f4;color:#2d2d2d}
header{background:#fff;border-bottom:1px solid #ddd;padding:16px 32px;font-weight:700}
main{max-width:760px;margin:24px auto;background:#fff;padding:28px;border-radius:6px}
section{border-bottom:1px solid #eee;padding-bottom:12px;margin-bottom:12px}h2{font-size:18px}
.btn-primary{background:#0f7ee0;color:#fff;border:0;border-radius:4px;padding:12px 28px;font-size:15px;cursor:pointer;text-decoration:none;display:inline-block}
#error-summary{background:#fdecee;color:#d0021b;border-radius:4px;padding:12px;margin-bottom:16px}`;

function shell(p: Posting, title: string, body: Html, script = false): string {
  return page({
    title,
    css: CSS,
    body: html`<header>${p.company.name}</header><main>${body}</main>`,
    scripts: script ? [assetUrl('smartrecruiters')] : [],
  });
}

export function listPage(postings: readonly Posting[]): string {
  const [first] = postings;
  if (!first) throw new Error('A SmartRecruiters company page needs at least one posting.');
  return shell(
    first,
    `Careers at ${first.company.name}`,
    html`<h1>Careers at ${first.company.name}</h1><ul class="opening-jobs">${postings.map(
      (p) =>
        html`<li class="opening-job"><a href="${jobPath(p)}"><h4 class="job-title">${p.title}</h4></a><p>${p.location}</p></li>`,
    )}</ul>`,
  );
}

export function jobPage(p: Posting): string {
  const salary = salaryText(p);
  return shell(
    p,
    `${p.title} | ${p.company.name}`,
    html`<h1 class="job-title">${p.title}</h1><ul class="job-details"><li>${p.location}</li><li>${p.employmentType}</li><li>${p.department}</li></ul>
<a class="btn-primary" id="st-apply" href="${applyPath(p)}">I'm interested</a>
<div class="job-sections" itemprop="description">${raw(clientPosting(p).descriptionHtml)}${salary ? html`<p>Salary: ${salary}</p>` : ''}</div>`,
  );
}

const TAGS: Partial<Record<FieldSpec['type'], string>> = {
  select: 'spl-select',
  combobox: 'spl-select',
  radio: 'spl-choice-group',
  yes_no: 'spl-choice-group',
  checkbox_group: 'spl-choice-group',
  checkbox: 'spl-checkbox',
  location: 'spl-autocomplete',
  file: 'spl-dropzone',
};

const INPUT_TYPES: Partial<Record<FieldSpec['type'], string>> = {
  email: 'email',
  tel: 'tel',
  url: 'url',
  date: 'date',
  textarea: 'textarea',
};

function element(f: FieldSpec): Html {
  const tag = TAGS[f.type] ?? 'spl-input';
  const attributes = attrs({
    id: f.id,
    name: f.name,
    label: f.label,
    required: f.required,
    type: f.type === 'checkbox_group' ? 'checkbox' : (INPUT_TYPES[f.type] ?? 'text'),
    options: f.options && f.type !== 'location' ? JSON.stringify(f.options) : undefined,
    accept: f.accept?.join(','),
  });
  return html`${raw(`<${tag}`)}${attributes}${raw(`></${tag}>`)}`;
}

export function applyPage(p: Posting, spec: FormSpec): string {
  const sections = [...new Set(spec.fields.map((f) => f.section ?? ''))];
  return shell(
    p,
    `${p.title} - Apply | ${p.company.name}`,
    html`<h1 class="job-title">${p.title}</h1><p>${p.company.name} · ${p.location}</p>
<div id="error-summary" role="alert" hidden></div>
<form id="oneclick-form" class="oneclick-ui" data-submit-url="${spec.submitUrl}" novalidate>
${sections.map(
  (s) =>
    html`<section data-test="${s}"><h2>${s}</h2>${spec.fields.filter((f) => (f.section ?? '') === s).map(element)}</section>`,
)}
<button type="submit" class="btn-primary" data-test="footer-submit">Submit</button>
</form>`,
    true,
  );
}

export function confirmationPage(p: Posting): string {
  return shell(
    p,
    `Application sent | ${p.company.name}`,
    html`<div class="confirmation" role="status" data-test="application-success"><h1>Thank you for applying!</h1>
<p>Your application for ${p.title} has been sent to ${p.company.name}. You will receive a confirmation email shortly.</p></div>`,
  );
}
