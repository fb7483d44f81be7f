// What a closed posting looks like: a 404, or a page that still answers but takes no applications.
import type { Posting } from '../catalog/posting.ts';
import { html } from '../shared/html.ts';
import { page } from '../shared/layout.ts';

const CSS = 'body{font-family:system-ui,sans-serif;max-width:640px;margin:80px auto;color:#333}';

export function notFoundPage(): string {
  return page({
    title: 'Page not found',
    css: CSS,
    body: html`<main><h1>Page not found</h1><p>Sorry, the job you are looking for could not be found. It may have been filled or removed.</p></main>`,
  });
}

export function closedPage(p: Posting): string {
  return page({
    title: `${p.title} - ${p.company.name}`,
    css: `${CSS}.closed{padding:16px;background:#fff4e5;border:1px solid #f0b429;border-radius:6px}`,
    body: html`<main><h1>${p.title}</h1><p>${p.company.name} · ${p.location}</p>
<div class="closed" role="status" data-posting-status="closed"><strong>This job is no longer accepting applications.</strong>
<p>The position has been filled or the posting has closed. See our other open roles.</p></div></main>`,
  });
}
