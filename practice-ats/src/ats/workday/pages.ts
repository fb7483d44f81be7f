// Workday's career site pages: the job list, the job posting with its Apply button, the apply
// wizard's shell and the candidate home with "My Applications".
import type { Posting } from '../../catalog/posting.ts';
import { salaryText } from '../../catalog/posting.ts';
import { type Html, html, raw } from '../../shared/html.ts';
import { page } from '../../shared/layout.ts';
import { clientPosting, pageData, spaShell } from '../../shared/spa-shell.ts';
import type { FormSpec } from '../../spec/form-spec.ts';
import type { Submission } from '../../store/submissions.ts';
import { jobPath, sitePath, WORKDAY_STEPS } from './spec.ts';

const CSS = `body{font-family:"Roboto","Helvetica Neue",Arial,sans-serif;margin:0;background:#f6f7f8;color:#333}
.css-header{background:#fff;border-bottom:1px solid #e0e0e0;padding:14px 32px;font-weight:500}
.css-main{max-width:880px;margin:24px auto;padding:0 20px}.css-card,.css-wizard{background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px #0002}
.css-progress{display:flex;gap:8px;list-style:none;padding:0;font-size:.8em;color:#777}.css-progress li[aria-current=step]{color:#0875e1;font-weight:bold}
.css-formfield{margin:16px 0;position:relative}.css-label{display:block;font-weight:500;margin-bottom:6px}.css-required{color:#de2e21;text-decoration:none;margin-left:2px}
.css-formfield input[type=text],.css-formfield input[type=email],.css-formfield input[type=tel],.css-formfield input[type=url],.css-formfield input[type=password],.css-formfield textarea,.css-dropdown button,.css-prompt input{width:100%;max-width:420px;padding:8px;border:1px solid #a0a0a0;border-radius:4px;box-sizing:border-box;text-align:left;background:#fff;font:inherit}
.css-listbox{position:absolute;z-index:5;background:#fff;border:1px solid #ccc;list-style:none;padding:4px 0;margin:2px 0;min-width:320px;max-height:260px;overflow:auto}
.css-listbox li{padding:8px 12px;cursor:pointer}.css-listbox li:hover{background:#e8f1fb}.css-pill{display:inline-block;background:#e8f1fb;border-radius:12px;padding:2px 10px;margin-bottom:6px}
.css-errortext{color:#de2e21;font-size:.85em}.css-error input,.css-error button{border-color:#de2e21}
.css-banner{border:1px solid #de2e21;background:#fdf0ef;border-radius:4px;padding:10px 16px;margin:12px 0}
.css-footer{display:flex;justify-content:flex-end;gap:12px;margin-top:24px}.css-primary{background:#0875e1;color:#fff;border:0;border-radius:16px;padding:8px 20px;cursor:pointer}
.css-link{background:none;border:0;color:#0875e1;cursor:pointer;margin-left:12px}.calendar{background:#fff;border:1px solid #ccc;padding:8px;position:absolute;z-index:5}
.calendar-grid{display:grid;grid-template-columns:repeat(7,1fr);gap:2px}.css-radio-group label{display:block;margin:4px 0}
table{border-collapse:collapse;width:100%}td,th{padding:8px;border-bottom:1px solid #eee;text-align:left}`;

function chrome(p: Posting, body: Html): Html {
  return html`<header class="css-header" data-automation-id="header"><a href="${sitePath(p)}">${p.company.name}</a> · Careers</header><main class="css-main">${body}</main>`;
}

export function sitePage(postings: readonly Posting[]): string {
  const first = postings[0];
  if (!first) throw new Error('A Workday site needs at least one posting.');
  return page({
    title: `${first.company.name} Careers`,
    css: CSS,
    body: chrome(
      first,
      html`<h1>Search for Jobs</h1><p data-automation-id="jobFoundText">${postings.length} JOBS FOUND</p>
<ul role="list">${postings.map(
        (p) =>
          html`<li class="css-card" style="margin:8px 0"><h3><a data-automation-id="jobTitle" href="${jobPath(p)}">${p.title}</a></h3>
<dl><dd data-automation-id="locations">${p.location}</dd><dd data-automation-id="postedOn">Posted ${p.postedAt}</dd><dd>${p.externalId}</dd></dl></li>`,
      )}</ul>`,
    ),
  });
}

export function jobPage(p: Posting): string {
  const salary = salaryText(p);
  return page({
    title: `${p.title} | ${p.company.name}`,
    css: CSS,
    body: chrome(
      p,
      html`<div class="css-card" data-automation-id="jobPostingPage"><h2 data-automation-id="jobPostingHeader">${p.title}</h2>
<div data-automation-id="locations">${p.location}</div><div data-automation-id="time">${p.employmentType}</div><div data-automation-id="requisitionId">job requisition id ${p.externalId}</div>
<a role="button" class="css-primary" data-automation-id="adventureButton" href="${jobPath(p)}/apply" style="display:inline-block;margin:16px 0;text-decoration:none">Apply</a>
<div data-automation-id="jobPostingDescription">${raw(clientPosting(p).descriptionHtml)}${salary ? html`<p>Pay range: ${salary}</p>` : ''}</div></div>`,
    ),
  });
}

export interface ApplyState {
  signedInAs: string | null;
  alreadyApplied: boolean;
}

export function applyPage(p: Posting, spec: FormSpec, state: ApplyState): string {
  return spaShell({
    title: `Apply - ${p.title} | ${p.company.name}`,
    css: CSS,
    bundle: 'workday',
    data: pageData(p, spec.fields, spec.submitUrl, {
      steps: WORKDAY_STEPS,
      accountUrl: `${sitePath(p)}/account`,
      homeUrl: `${sitePath(p)}/userHome`,
      ...state,
    }),
    chrome: (root) => chrome(p, html`<h1 data-automation-id="jobPostingHeader">${p.title}</h1>${root}`),
  });
}

/** The candidate home: the signed-in candidate's applications, or a sign-in form. */
export function candidateHomePage(
  first: Posting,
  email: string | null,
  applications: Array<{ submission: Submission; posting: Posting | undefined }>,
): string {
  const signIn = html`<div class="css-card" data-automation-id="signInPage"><h2>Sign In</h2>
<form method="post" action="${sitePath(first)}/account"><input type="hidden" name="mode" value="signin"><input type="hidden" name="next" value="${sitePath(first)}/userHome">
<div class="css-formfield"><label class="css-label" for="home-email">Email Address</label><input id="home-email" type="email" name="email" data-automation-id="email"></div>
<div class="css-formfield"><label class="css-label" for="home-password">Password</label><input id="home-password" type="password" name="password" data-automation-id="password"></div>
<button class="css-primary" type="submit" data-automation-id="signInSubmitButton">Sign In</button></form></div>`;
  const home = html`<div class="css-card" data-automation-id="candidateHomePage"><h2>Candidate Home</h2><p>Signed in as <span data-automation-id="signedInAs">${email ?? ''}</span></p>
<h3>My Applications</h3>${
    applications.length === 0
      ? html`<p data-automation-id="noApplications">You have not applied for any jobs yet.</p>`
      : html`<table data-automation-id="applicationsTable"><thead><tr><th>Job Title</th><th>Job Requisition</th><th>Date Submitted</th><th>Status</th></tr></thead><tbody>
${applications.map(
  ({ submission, posting }) =>
    html`<tr data-automation-id="applicationRow" data-requisition-id="${submission.jobId}"><td>${posting?.title ?? submission.jobId}</td><td>${submission.jobId}</td><td>${submission.submittedAt.slice(0, 10)}</td><td data-automation-id="applicationStatus">Application Submitted</td></tr>`,
)}</tbody></table>`
  }</div>`;
  return page({
    title: `Candidate Home | ${first.company.name}`,
    css: CSS,
    body: chrome(first, email ? home : signIn),
  });
}
