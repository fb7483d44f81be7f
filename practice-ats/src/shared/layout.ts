// The HTML document around every practice page. Each ATS brings its own styles and markup.
import { type Html, html, raw } from './html.ts';

export interface PageOptions {
  title: string;
  css?: string;
  body: Html;
  /** Script URLs, loaded at the end of the body (as the SPA ATSs do). */
  scripts?: string[];
  head?: Html;
  bodyAttrs?: Html;
}

export function page(opts: PageOptions): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
${opts.css ? html`<style>${raw(opts.css)}</style>` : ''}
${opts.head ?? ''}
</head>
<body${opts.bodyAttrs ?? ''}>
${opts.body}
${(opts.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`.toString();
}

/** Paragraphs and bullet lists of a posting description, as most boards render them. */
export function paragraphs(texts: readonly string[]): Html {
  return html`${texts.map((t) => html`<p>${t}</p>`)}`;
}

export function bullets(items: readonly string[]): Html {
  return html`<ul>${items.map((t) => html`<li>${t}</li>`)}</ul>`;
}
