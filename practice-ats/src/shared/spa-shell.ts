// The server side of a single-page form: an HTML shell with the initial state in a JSON script
// tag and the bundle, and the JSON answers the form's fetch gets back.
import type { Response } from 'express';
import type { Posting } from '../catalog/posting.ts';
import { descriptionParagraphs } from '../catalog/posting.ts';
import { type ClientPageData, type ClientPosting, PAGE_DATA_ID } from '../client/page-data.ts';
import type { FieldSpec } from '../spec/form-spec.ts';
import { assetUrl, type ClientBundle } from './client-bundle.ts';
import { type Html, html, scriptJson } from './html.ts';
import { bullets, page, paragraphs } from './layout.ts';
import type { ApplicationOutcome } from './receive-application.ts';

export function clientPosting(p: Posting): ClientPosting {
  const [about, summary] = descriptionParagraphs(p);
  return {
    title: p.title,
    company: p.company.name,
    location: p.location,
    department: p.department,
    employmentType: p.employmentType,
    descriptionHtml:
      html`${paragraphs([about ?? '', summary ?? ''])}<h3>What you'll do</h3>${bullets(p.keyPoints)}<h3>What we're looking for</h3>${bullets(p.requirements)}<p>${p.company.benefits}</p>`.toString(),
  };
}

export interface ShellOptions {
  title: string;
  css: string;
  bundle: ClientBundle;
  data: ClientPageData;
  /** Markup around the mount point (`<div id="root">`), e.g. a server-rendered header. */
  chrome?: (root: Html) => Html;
}

export function spaShell(opts: ShellOptions): string {
  const root = html`<div id="root"></div>`;
  return page({
    title: opts.title,
    css: opts.css,
    body: html`${opts.chrome ? opts.chrome(root) : root}
<script id="${PAGE_DATA_ID}" type="application/json">${scriptJson(opts.data)}</script>`,
    scripts: [assetUrl(opts.bundle)],
  });
}

export function pageData(
  p: Posting,
  fields: FieldSpec[],
  submitUrl: string,
  extra?: Record<string, unknown>,
): ClientPageData {
  return extra
    ? { posting: clientPosting(p), fields, submitUrl, extra }
    : { posting: clientPosting(p), fields, submitUrl };
}

/** The JSON answer of a single-page form's submit. */
export interface SubmitAnswer {
  status: 'accepted' | 'invalid' | 'already-applied';
  errors?: Array<{ field: string; label: string; message: string }>;
  message?: string;
  redirect?: string;
  applicationId?: string;
}

export function sendSubmitAnswer(
  res: Response,
  outcome: ApplicationOutcome,
  words: { alreadyApplied: string; redirect?: (applicationId: string) => string },
): void {
  if (outcome.kind === 'invalid') {
    res.status(422).json({ status: 'invalid', errors: outcome.errors } satisfies SubmitAnswer);
    return;
  }
  if (outcome.kind === 'already-applied') {
    res.status(409).json({ status: 'already-applied', message: words.alreadyApplied } satisfies SubmitAnswer);
    return;
  }
  const applicationId = outcome.submission?.id ?? crypto.randomUUID();
  const answer: SubmitAnswer = { status: 'accepted', applicationId };
  // Some SPAs move to a confirmation page, others (Ashby) swap the form for a success message.
  if (words.redirect) answer.redirect = words.redirect(applicationId);
  res.json(answer);
}
