// iCIMS' career site: an outer page that frames everything in #icims_content_iframe, and inside
// it the job, the "enter your email" login step, the candidate profile form and the thank-you page.
import type { Posting } from '../../catalog/posting.ts';
import { descriptionParagraphs, salaryText } from '../../catalog/posting.ts';
import { control, isGroup } from '../../shared/controls.ts';
import type { ParsedForm } from '../../shared/form-data.ts';
import { type Html, html } from '../../shared/html.ts';
import { bullets, page, paragraphs } from '../../shared/layout.ts';
import type { FieldError } from '../../shared/validation.ts';
import type { FieldSpec, FormSpec } from '../../spec/form-spec.ts';
import { jobBase } from './spec.ts';

const CSS = `body{font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;margin:0}
.iCIMS_MainWrapper{padding:16px 24px}.iCIMS_Header{font-size:20px;font-weight:bold;margin-bottom:12px}
.iCIMS_InfoMsg{background:#eef4fa;border:1px solid #c4d8ec;padding:8px 12px;margin:10px 0}
table.iCIMS_Table{border-collapse:collapse;width:100%}table.iCIMS_Table td{padding:6px 8px;vertical-align:top}
td.iCIMS_TableLabel{width:200px;text-align:right;font-weight:bold}.iCIMS_Required_Icon{color:#c00}
.iCIMS_Error{background:#fdeaea;border:1px solid #c00;color:#c00;padding:8px 12px;margin:10px 0}
.iCIMS_ErrorMessage{color:#c00;font-size:12px}.iCIMS_FieldError input,.iCIMS_FieldError select{border:1px solid #c00}
.iCIMS_Button{background:#2a5d9f;color:#fff;border:1px solid #1d4474;padding:6px 18px;cursor:pointer;text-decoration:none;display:inline-block}
h2.iCIMS_SubHeader{font-size:16px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:20px}.option{display:inline-block;margin-right:12px}`;

/** The career site page around the iframe, as every iCIMS URL without in_iframe=1 answers. */
export function framePage(p: Pick<Posting, 'title' | 'location' | 'company'>, innerUrl: string): string {
  return page({
    title: `${p.title} in ${p.location} | Careers at ${p.company.name}`,
    css: 'body{margin:0;font-family:Arial,sans-serif}header{background:#1f3b5a;color:#fff;padding:18px 32px;font-size:18px}#icims_content_iframe{width:100%;height:2400px;border:0}',
    body: html`<header>${p.company.name} Careers</header>
<div class="iCIMS_JobsTable"><iframe id="icims_content_iframe" name="icims_content_iframe" title="iCIMS Content" src="${innerUrl}" scrolling="no"></iframe></div>`,
  });
}

function inner(title: string, body: Html): string {
  return page({ title, css: CSS, body: html`<div class="iCIMS_MainWrapper">${body}</div>` });
}

export function searchFramePage(postings: readonly Posting[]): string {
  return inner(
    'Job Listings',
    html`<div class="iCIMS_Header">Search Results</div><div class="iCIMS_JobsTable">${postings.map(
      (p) =>
        html`<div class="row"><div class="title"><a class="iCIMS_Anchor" href="${jobBase(p)}/job?in_iframe=1" title="${p.title}"><h2>${p.title}</h2></a></div>
<div class="header left"><span>Location</span> ${p.location}</div><div class="header right"><span>ID</span> ${p.externalId}</div></div>`,
    )}</div>`,
  );
}

export function jobFramePage(p: Posting): string {
  const salary = salaryText(p);
  return inner(
    p.title,
    html`<div class="iCIMS_Header">${p.title}</div><div class="iCIMS_JobHeaderGroup"><span>Job ID ${p.externalId}</span> · <span>${p.location}</span> · <span>${p.department}</span></div>
<a class="iCIMS_Button iCIMS_ApplyOnlineButton" href="${jobBase(p)}/login?in_iframe=1" title="Apply for this job online">Apply for this job online</a>
<div class="iCIMS_JobContent"><h2 class="iCIMS_SubHeader">Overview</h2>${paragraphs(descriptionParagraphs(p).slice(0, 2))}
<h2 class="iCIMS_SubHeader">Responsibilities</h2>${bullets(p.keyPoints)}<h2 class="iCIMS_SubHeader">Qualifications</h2>${bullets(p.requirements)}
${salary ? html`<p>Compensation: ${salary}</p>` : ''}<p>${p.company.benefits}</p></div>`,
  );
}

export function loginFramePage(p: Posting, error?: string): string {
  return inner(
    `Login | ${p.title}`,
    html`<div class="iCIMS_Header">Candidate Login</div><div class="iCIMS_InfoMsg">Please enter your email address to apply for ${p.title}.</div>
${error ? html`<div class="iCIMS_Error" role="alert">${error}</div>` : ''}
<form method="post" action="${jobBase(p)}/login?in_iframe=1"><table class="iCIMS_Table"><tr><td class="iCIMS_TableLabel"><label for="email">Email Address <span class="iCIMS_Required_Icon">*</span></label></td>
<td><input type="email" id="email" name="loginName" size="40" required></td></tr>
<tr><td></td><td><label><input type="checkbox" name="accept_gdpr" value="1" id="accept_gdpr"> I accept the privacy policy</label></td></tr></table>
<input type="submit" class="iCIMS_Button" id="enterEmailSubmitButton" value="Next"></form>`,
  );
}

function row(f: FieldSpec, form: ParsedForm | null, error?: FieldError): Html {
  const required = f.required ? html` <span class="iCIMS_Required_Icon">*</span>` : '';
  const opts = {
    value: form?.fields[f.name],
    invalid: error !== undefined,
    describedBy: error ? `${f.id}_error` : undefined,
    placeholderOption: '(Select)',
  };
  const message = error ? html`<div class="iCIMS_ErrorMessage" id="${f.id}_error">${error.message}</div>` : '';
  const label = isGroup(f)
    ? html`<span id="${f.id}_label">${f.label}${required}</span>`
    : html`<label for="${f.id}">${f.label}${required}</label>`;
  const body = isGroup(f)
    ? html`<div role="radiogroup" aria-labelledby="${f.id}_label">${control(f, opts)}</div>`
    : control(f, opts);
  return html`<tr class="${error ? 'iCIMS_FieldError' : ''}"><td class="iCIMS_TableLabel">${label}</td><td>${body}${message}</td></tr>`;
}

export function candidateFramePage(
  p: Posting,
  spec: FormSpec,
  form: ParsedForm | null,
  errors: FieldError[] = [],
): string {
  const sections = [...new Set(spec.fields.map((f) => f.section ?? ''))];
  return inner(
    `Candidate Profile | ${p.title}`,
    html`<div class="iCIMS_Header">Candidate Profile</div><div class="iCIMS_InfoMsg">Fields marked with an asterisk (*) are required.</div>
${
  errors.length > 0
    ? html`<div class="iCIMS_Error" role="alert" id="iCIMS_ErrorSummary">Please correct the following errors:<ul>${errors.map((e) => html`<li>${e.label}: ${e.message}</li>`)}</ul></div>`
    : ''
}
<form method="post" action="${spec.submitUrl}" enctype="multipart/form-data" id="cp_form" novalidate>
${sections.map(
  (s) =>
    html`<h2 class="iCIMS_SubHeader">${s}</h2><table class="iCIMS_Table">${spec.fields
      .filter((f) => f.section === s)
      .map((f) =>
        row(
          f,
          form,
          errors.find((e) => e.field === f.name),
        ),
      )}</table>`,
)}
<input type="submit" class="iCIMS_Button" id="cp_submit" value="Submit Profile"></form>`,
  );
}

export function thanksFramePage(p: Posting): string {
  return inner(
    'Thank you',
    html`<div class="iCIMS_Header">Thank You</div><div class="iCIMS_InfoMsg" role="status" id="iCIMS_Confirmation">Thank you for your interest in ${p.title} at ${p.company.name}. Your submission has been received.</div>`,
  );
}
