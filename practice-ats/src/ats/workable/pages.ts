// Workable's hosted careers page: the job list, the job page (Overview / Application) and the
// React application page shell, and the confirmation.
import type { Posting } from '../../catalog/posting.ts';
import { salaryText } from '../../catalog/posting.ts';
import { type Html, html, raw } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { clientPosting, pageData, spaShell } from '../../shared/spa-shell.ts';
import type { FormSpec } from '../../spec/form-spec.ts';
import { jobPath } from './spec.ts';

const CSS = `body{font-family:"Inter",Arial,sans-serif;margin:0;background:#fff;color:#1f2a37}
.styles--main{max-width:720px;margin:0 auto;padding:32px 20px}header.styles--header{border-bottom:1px solid #e6e8eb;padding:16px 32px;font-weight:700}
.styles--field{margin:16px 0;display:flex;flex-direction:column}.styles--label{font-weight:600;margin-bottom:6px}.styles--required{color:#e0245e}
.styles--3IYUq{border:1px solid #cfd6de;border-radius:4px;padding:10px;font:inherit}.styles--error{color:#e0245e;font-size:.85rem;margin-top:4px}
.styles--hasError .styles--3IYUq{border-color:#e0245e}.styles--banner{background:#fdecf1;border:1px solid #e0245e;padding:12px;border-radius:4px}
.styles--submit{background:#00756a;color:#fff;border:0;border-radius:4px;padding:12px 24px;font-size:1rem;cursor:pointer}
.styles--uploadButton{border:1px dashed #9aa5b1;background:#f7f9fa;padding:16px;width:100%;cursor:pointer}
[role=tab]{border:0;background:none;padding:6px 12px;cursor:pointer}[role=tab][aria-selected=true]{border-bottom:2px solid #00756a}
.styles--option{display:block;margin:4px 0}.calendar{border:1px solid #cfd6de;padding:8px;background:#fff}.calendar-grid{display:grid;grid-template-columns:repeat(7,1fr);gap:2px}
section h2{font-size:1.1rem;border-bottom:1px solid #e6e8eb;padding-bottom:6px;margin-top:28px}.job{display:block;padding:12px 0;border-bottom:1px solid #e6e8eb}`;

function chrome(p: Posting, body: Html): Html {
  return html`<header class="styles--header"><a href="/workable/${p.company.board}">${p.company.name}</a></header><main class="styles--main">${body}</main>`;
}

export function listPage(postings: readonly Posting[]): string {
  const [first] = postings;
  if (!first) throw new Error('A Workable account needs at least one posting.');
  return page({
    title: `${first.company.name} - Current openings`,
    css: CSS,
    body: chrome(
      first,
      html`<h1>Current openings</h1>${postings.map((p) => html`<a class="job" data-ui="job" href="${jobPath(p)}"><strong>${p.title}</strong><br>${p.location} · ${p.department}</a>`)}`,
    ),
  });
}

export function jobPage(p: Posting): string {
  const salary = salaryText(p);
  return page({
    title: `${p.title} - ${p.company.name}`,
    css: CSS,
    body: chrome(
      p,
      html`<h1 data-ui="job-title">${p.title}</h1><p>${p.location} · ${p.employmentType}</p>
<a class="styles--submit" data-ui="overview-apply-now" href="${jobPath(p)}/apply" style="display:inline-block;text-decoration:none">Apply for this job</a>
<div data-ui="job-description">${raw(clientPosting(p).descriptionHtml)}${salary ? html`<p>Salary: ${salary}</p>` : ''}</div>`,
    ),
  });
}

export function applyPage(p: Posting, spec: FormSpec): string {
  return spaShell({
    title: `Apply - ${p.title} - ${p.company.name}`,
    css: CSS,
    bundle: 'workable',
    data: pageData(p, spec.fields, spec.submitUrl),
    chrome: (root) => chrome(p, html`<h1 data-ui="job-title">${p.title}</h1><p>${p.location}</p>${root}`),
  });
}

export function successPage(p: Posting): string {
  return page({
    title: `Application submitted - ${p.company.name}`,
    css: CSS,
    body: chrome(
      p,
      html`<div data-ui="application-success" role="status"><h1>Application submitted</h1><p>Thank you for applying to ${p.company.name}. We've received your application for ${p.title}.</p></div>`,
    ),
  });
}
