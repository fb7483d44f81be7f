// The practice ATS's front page: every board and posting, for a person exploring the demo.

import { atsModule, hasAtsModule } from './ats/registry.ts';
import { POSTINGS } from './catalog/postings.ts';
import { html } from './shared/html.ts';
import { page } from './shared/layout.ts';

export function homePage(): string {
  const postings = POSTINGS.filter((p) => hasAtsModule(p.ats));
  return page({
    title: 'Practice ATS',
    css: 'body{font-family:system-ui,sans-serif;max-width:900px;margin:40px auto;padding:0 16px}td{padding:4px 8px}code{font-size:.85em}',
    body: html`<h1>Practice ATS</h1>
<p>Local copies of real applicant tracking systems' application forms. Submissions: <a href="/__practice/submissions">/__practice/submissions</a>, catalog: <a href="/__practice/jobs">/__practice/jobs</a>.</p>
<table><thead><tr><th>ATS</th><th>Company</th><th>Posting</th><th>Scenario</th></tr></thead><tbody>
${postings.map(
  (p) =>
    html`<tr><td>${p.ats}</td><td>${p.company.name}</td><td><a href="${atsModule(p.ats).applyPath(p)}">${p.title}</a></td><td><code>${p.scenario}</code></td></tr>`,
)}
</tbody></table>`,
  });
}
