// Greenhouse's newer job-boards design: the board, and the posting page whose application form is
// a React app (client.ts); the server renders the header and description around it.
import type { Posting } from '../../catalog/posting.ts';
import { salaryText } from '../../catalog/posting.ts';
import { type Html, html, raw } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { clientPosting, pageData, spaShell } from '../../shared/spa-shell.ts';
import type { FormSpec } from '../../spec/form-spec.ts';
import { postingPath } from './spec.ts';

const CSS = `body{font-family:"Inter",system-ui,sans-serif;color:#1b1b1b;margin:0;background:#fff}
.job-post{max-width:780px;margin:0 auto;padding:32px 24px}.section-header{font-weight:600}
.section-header--large{font-size:2rem;margin:0}.job__location{color:#666;margin:6px 0 24px}
.job__description{line-height:1.6}.application--container{margin-top:40px;border-top:1px solid #e4e4e4;padding-top:24px}
.input-wrapper{display:flex;flex-direction:column;margin:16px 0}.label{font-weight:500;margin-bottom:6px}
.input{border:1px solid #c4c4c4;border-radius:6px;padding:10px;font:inherit}.required{color:#b80000;margin-left:2px}
.select__container{position:relative}.select__input{width:100%;box-sizing:border-box;border:1px solid #c4c4c4;border-radius:6px;padding:10px}
.select__menu{position:absolute;z-index:5;left:0;right:0;background:#fff;border:1px solid #c4c4c4;list-style:none;margin:2px 0;padding:4px 0;max-height:240px;overflow:auto}
.select__option{padding:8px 12px;cursor:pointer}.select__option--is-focused{background:#e8f0fe}
.btn{border-radius:999px;border:1px solid #4a4a4a;background:#fff;padding:6px 14px;margin-right:8px;cursor:pointer}
.btn--rounded{background:#1b1b1b;color:#fff;padding:12px 28px;font-size:1rem}
.helper-text--error{color:#b80000;font-size:.875rem;margin:4px 0}.application--error{background:#fdecec;color:#b80000;padding:12px;border-radius:6px}
.file-upload{margin:16px 0}.file-upload__filetypes{color:#666;font-size:.85rem}.eeoc__container{margin-top:32px}
.board-job{padding:14px 0;border-bottom:1px solid #eee}.board-job a{font-weight:600;color:#1b1b1b}`;

export function jobBoardsBoardPage(postings: readonly Posting[]): string {
  const company = postings[0]?.company;
  return page({
    title: `Jobs at ${company?.name ?? ''}`,
    css: CSS,
    body: html`<main class="job-post"><h1 class="section-header section-header--large">${company?.name ?? ''}</h1><p>${company?.about ?? ''}</p>
<h2 class="section-header">Open jobs</h2>${postings.map(
      (p) =>
        html`<div class="board-job"><a href="${postingPath(p)}">${p.title}</a><p class="job__location">${p.department} · ${p.location}</p></div>`,
    )}</main>`,
  });
}

export function jobBoardsPostingPage(p: Posting, spec: FormSpec): string {
  const salary = salaryText(p);
  return spaShell({
    title: `Job Application for ${p.title} at ${p.company.name}`,
    css: CSS,
    bundle: 'greenhouse-job-boards',
    data: pageData(p, spec.fields, spec.submitUrl),
    chrome: (root: Html) => html`<main class="job-post">
<div class="job__header"><h1 class="section-header section-header--large">${p.title}</h1><div class="job__location">${p.company.name} · ${p.location}</div></div>
<div class="job__description body">${raw(clientPosting(p).descriptionHtml)}${salary ? html`<div class="pay-range"><strong>Pay range:</strong> ${salary}</div>` : ''}</div>
<div class="application--container"><div class="application--header"><h2 class="section-header">Apply for this job</h2><p><span class="required">*</span> indicates a required field</p></div>${root}</div>
</main>`,
  });
}

export function jobBoardsConfirmationPage(p: Posting): string {
  return page({
    title: `Thank you for applying to ${p.company.name}`,
    css: CSS,
    body: html`<main class="job-post"><div class="confirmation" role="status" id="application_confirmation"><h1 class="section-header section-header--large">Thank you for applying.</h1>
<p>Your application has been received. If your application seems like a good fit for the position we will contact you soon.</p>
<p>${p.company.name}</p></div></main>`,
  });
}
