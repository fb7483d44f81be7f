// Greenhouse's classic hosted board (boards.greenhouse.io): the opening list, the posting with
// its application form below, the grnhse_iframe embed for company careers pages, and the
// confirmation. Server-rendered Rails markup: inputs wrapped in their labels, asterisks for
// required fields, the resume "Attach / enter manually" switch and the EEOC section.
import type { Posting } from '../../catalog/posting.ts';
import { descriptionParagraphs, salaryText } from '../../catalog/posting.ts';
import { locationAutocomplete } from '../../shared/autocomplete-script.ts';
import { control, isGroup } from '../../shared/controls.ts';
import type { ParsedForm } from '../../shared/form-data.ts';
import { attrs, type Html, html } from '../../shared/html.ts';
import { bullets, page, paragraphs } from '../../shared/layout.ts';
import type { FieldError } from '../../shared/validation.ts';
import { EEO_INTRO } from '../../spec/eeo.ts';
import type { FieldSpec, FormSpec } from '../../spec/form-spec.ts';
import { postingPath } from './spec.ts';

const CSS = `body{font-family:"Helvetica Neue",Arial,sans-serif;color:#333;margin:0;background:#fff}
#wrapper{max-width:720px;margin:0 auto;padding:24px}#logo h1{font-size:1.6em}
.opening{margin:10px 0}.opening a{color:#1c6bb0;font-size:1.1em}.location{color:#888;font-size:.9em}
#header .app-title{color:#e26b18;font-size:1.8em;margin:0}.company-name{color:#333}
#content{line-height:1.6;margin:24px 0}#application{border-top:1px solid #ddd;padding-top:16px}
.field{margin:14px 0}.field label{display:block;font-weight:bold;font-size:.9em}.asterisk{color:#e26b18}
.field input[type=text],.field input[type=email],.field input[type=tel],.field select,.field textarea{width:100%;padding:6px;box-sizing:border-box;font-weight:normal;margin-top:4px}
.attach-or-paste button{background:none;border:1px solid #ccc;border-radius:3px;padding:4px 10px;margin-right:6px;cursor:pointer}
.accepted-filetypes{font-size:.8em;color:#888}.field-error-msg{color:#c00;font-size:.85em;display:block}
.field-error input,.field-error select,.field-error textarea{border:1px solid #c00}
#error_message,.flash{padding:10px;margin:10px 0;border-radius:3px}#error_message{background:#fdecea;color:#c00}
.flash.already-applied{background:#fff6e0;color:#8a5a00}#eeoc_fields{margin-top:24px;border-top:1px solid #eee}
#submit_app{background:#e26b18;color:#fff;border:0;padding:10px 24px;font-size:1em;border-radius:3px;cursor:pointer}
.location-suggestions{list-style:none;border:1px solid #ccc;margin:0;padding:0}.location-suggestions li{padding:4px 8px;cursor:pointer}`;

export function boardPage(postings: readonly Posting[]): string {
  const company = postings[0]?.company;
  const departments = [...new Set(postings.map((p) => p.department))];
  return page({
    title: `Jobs at ${company?.name ?? ''}`,
    css: CSS,
    body: html`<div id="wrapper"><div id="main"><div id="logo"><h1>Current openings at ${company?.name ?? ''}</h1></div>
${departments.map(
  (d) => html`<section class="level-0"><h3>${d}</h3>
${postings
  .filter((p) => p.department === d)
  .map(
    (p) =>
      html`<div class="opening" data-id="${p.externalId}"><a data-mapped="true" href="${postingPath(p)}">${p.title}</a><br><span class="location">${p.location}</span></div>`,
  )}</section>`,
)}</div></div>`,
  });
}

function eeoc(fields: Html[]): Html {
  return html`<div id="eeoc_fields"><h3>U.S. Equal Employment Opportunity Information (Completion is voluntary and will not subject you to adverse treatment)</h3>
<div class="eeoc-description"><p>${EEO_INTRO}</p></div>${fields}</div>`;
}

function resumeField(
  field: FieldSpec,
  pasted: FieldSpec | undefined,
  form: ParsedForm | null,
  error?: FieldError,
): Html {
  const labelId = `${field.id}_label`;
  const usingText = pasted !== undefined && (form?.fields[pasted.name] ?? '') !== '';
  return html`<div class="field${error ? ' field-error' : ''}" id="${field.id}_fieldset">
<label id="${labelId}">${field.label}${field.required ? html`<span class="asterisk">*</span>` : ''}</label>
<div class="attach-or-paste" data-field="${field.id}">
<div class="link-container"><button type="button" data-source="attach">Attach</button>${pasted ? html` or <button type="button" data-source="paste">enter manually</button>` : ''}</div>
${control(field, { extra: { 'aria-labelledby': labelId, hidden: usingText } })}
${pasted ? html`<textarea${attrs({ id: pasted.id, name: pasted.name, 'aria-labelledby': labelId, rows: 8, placeholder: 'Paste your resume here', hidden: !usingText })}>${String(form?.fields[pasted.name] ?? '')}</textarea>` : ''}
<p class="accepted-filetypes">(File types: pdf, doc, docx, txt, rtf)</p>
${error ? html`<span class="field-error-msg">${error.message}</span>` : ''}
</div></div>`;
}

function fieldRow(field: FieldSpec, form: ParsedForm | null, error?: FieldError): Html {
  const required = field.required ? html`<span class="asterisk">*</span>` : '';
  const message = error ? html`<span class="field-error-msg" id="${field.id}_error">${error.message}</span>` : '';
  const opts = {
    value: form?.fields[field.name],
    invalid: error !== undefined,
    describedBy: error ? `${field.id}_error` : undefined,
    placeholderOption: '--',
  };
  if (isGroup(field)) {
    return html`<div class="field${error ? ' field-error' : ''}"><fieldset><legend>${field.label}${required}</legend>${control(field, opts)}</fieldset>${message}</div>`;
  }
  return html`<div class="field${error ? ' field-error' : ''}"><label>${field.label}${required}<br>${control(field, opts)}</label>${message}</div>`;
}

export interface ApplicationView {
  form?: ParsedForm | null;
  errors?: FieldError[];
  notice?: string;
  /** The form's action (the posting, or the embed). */
  action: string;
}

function applicationForm(spec: FormSpec, view: ApplicationView): Html {
  const form = view.form ?? null;
  const errors = view.errors ?? [];
  const errorFor = (f: FieldSpec) => errors.find((e) => e.field === f.name);
  const byKind = (f: FieldSpec) =>
    f.section === 'Voluntary Self-Identification' ? 'eeoc' : f.section === 'Custom questions' ? 'custom' : 'main';
  const rows = (kind: string) =>
    spec.fields
      .filter((f) => byKind(f) === kind && f.asks.kind !== 'system' && f.alternativeTo === undefined)
      .map((f) =>
        f.type === 'file'
          ? resumeField(
              f,
              spec.fields.find((x) => x.alternativeTo === f.name),
              form,
              errorFor(f),
            )
          : fieldRow(f, form, errorFor(f)),
      );
  const hidden = spec.fields
    .filter((f) => f.asks.kind === 'system')
    .map((f) => html`<input type="hidden" id="${f.id}" name="${f.name}" value="${f.value ?? ''}">`);
  return html`<div id="application">
${view.notice ? html`<div id="flash_pending" class="flash already-applied" role="alert">${view.notice}</div>` : ''}
${errors.length > 0 ? html`<div id="error_message" class="error" role="alert">Please complete all required fields and fix the errors below.</div>` : ''}
<h2 id="apply_for_this_job">Apply for this Job</h2>
<form id="application_form" action="${view.action}" method="post" enctype="multipart/form-data" novalidate>
<div id="main_fields">${rows('main')}</div>
<div id="custom_fields">${rows('custom')}${hidden}</div>
${eeoc(rows('eeoc'))}
<input type="submit" id="submit_app" value="Submit Application">
</form>
${locationAutocomplete('location', 'location-suggestions')}
<script>
document.querySelectorAll('.attach-or-paste').forEach((box) => {
  const file = box.querySelector('input[type=file]');
  const text = box.querySelector('textarea');
  box.querySelector('[data-source=attach]').addEventListener('click', () => { if (text) text.hidden = true; file.hidden = false; file.click(); });
  const paste = box.querySelector('[data-source=paste]');
  if (paste) paste.addEventListener('click', () => { file.value = ''; file.hidden = true; text.hidden = false; text.focus(); });
});
</script>
</div>`;
}

function postingHeader(p: Posting): Html {
  const salary = salaryText(p);
  return html`<div id="header"><h1 class="app-title">${p.title}</h1><div class="company-name">at ${p.company.name}</div>
<div class="location">${p.location}</div></div>
<div id="content">${paragraphs(descriptionParagraphs(p).slice(0, 2))}<p><strong>What you'll do</strong></p>${bullets(p.keyPoints)}
<p><strong>What we're looking for</strong></p>${bullets(p.requirements)}${salary ? html`<p><strong>Compensation:</strong> ${salary}</p>` : ''}<p>${p.company.benefits}</p></div>`;
}

export function postingPage(p: Posting, spec: FormSpec, view: ApplicationView): string {
  return page({
    title: `Job Application for ${p.title} at ${p.company.name}`,
    css: CSS,
    body: html`<div id="wrapper"><div id="app_body">${postingHeader(p)}${applicationForm(spec, view)}</div></div>`,
  });
}

/** The form alone, as the embed iframe shows it on a company's own careers page. */
export function embedPage(p: Posting, spec: FormSpec, view: ApplicationView): string {
  return page({
    title: `Job Application for ${p.title} at ${p.company.name}`,
    css: CSS,
    body: html`<div id="wrapper" class="embedded"><div id="app_body">${postingHeader(p)}${applicationForm(spec, view)}</div></div>`,
  });
}

/** A company's own careers page with the Greenhouse embed (job board script → grnhse_iframe). */
export function embedHostPage(p: Posting, iframeSrc: string): string {
  return page({
    title: `Careers | ${p.company.name}`,
    css: 'body{font-family:system-ui,sans-serif;margin:0}header{background:#222;color:#fff;padding:20px 40px}#grnhse_app{max-width:900px;margin:24px auto}#grnhse_iframe{width:100%;height:2600px;border:0}',
    body: html`<header><strong>${p.company.name}</strong> · Careers</header>
<main><h1 style="text-align:center">Join us</h1><div id="grnhse_app"><iframe id="grnhse_iframe" title="Greenhouse Job Board" scrolling="no" frameborder="0" src="${iframeSrc}"></iframe></div></main>`,
  });
}

export function confirmationPage(p: Posting): string {
  return page({
    title: `Thank you for applying to ${p.company.name}`,
    css: CSS,
    body: html`<div id="wrapper"><div id="application_confirmation" role="status"><h1>Thank you for applying.</h1>
<p>Your application has been received. If your application seems like a good fit for the position we will contact you soon.</p>
<p>Regards,<br>${p.company.name}</p></div></div>`,
  });
}
