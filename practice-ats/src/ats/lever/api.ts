// The Lever Postings API (api.lever.co/v0/postings/<site>), under /api/lever/v0: a bare JSON list
// of postings (or one posting), each with its text in HTML and plain forms, lists, categories,
// workplaceType and salaryRange.
import { Router } from 'express';
import type { Posting } from '../../catalog/posting.ts';
import { descriptionParagraphs, salaryText } from '../../catalog/posting.ts';
import { baseUrlOf } from '../../shared/base-url.ts';
import { html } from '../../shared/html.ts';
import type { PostingLookup } from '../postings-of.ts';
import { postingPath } from './spec.ts';

const COUNTRIES: Record<string, string> = {
  'United Kingdom': 'GB',
  Portugal: 'PT',
  'New York, NY': 'US',
};

function country(p: Posting): string | null {
  const match = Object.entries(COUNTRIES).find(([k]) => p.location.includes(k));
  return match ? match[1] : null;
}

function leverPosting(p: Posting, base: string) {
  const [opening = '', body = ''] = descriptionParagraphs(p);
  const salary = salaryText(p);
  return {
    additional: html`<div>${p.company.benefits}</div>`.toString(),
    additionalPlain: p.company.benefits,
    categories: {
      commitment: p.employmentType,
      department: p.department,
      location: p.location,
      team: p.department,
      allLocations: [p.location],
    },
    country: country(p),
    createdAt: Date.parse(`${p.postedAt}T10:00:00Z`),
    description: html`<div>${opening}</div><div>${body}</div>`.toString(),
    descriptionPlain: `${opening}\n\n${body}`,
    descriptionBody: html`<div>${body}</div>`.toString(),
    descriptionBodyPlain: body,
    opening: html`<div>${opening}</div>`.toString(),
    openingPlain: opening,
    id: p.externalId,
    lists: [
      { text: "What you'll do", content: html`${p.keyPoints.map((k) => html`<li>${k}</li>`)}`.toString() },
      { text: "What we're looking for", content: html`${p.requirements.map((k) => html`<li>${k}</li>`)}`.toString() },
    ],
    text: p.title,
    workplaceType: p.remote ? 'remote' : 'onsite',
    hostedUrl: base + postingPath(p),
    applyUrl: `${base + postingPath(p)}/apply`,
    ...(p.salaryMin !== null && p.salaryMax !== null
      ? {
          salaryRange: { currency: p.salaryCurrency, interval: 'per-year-salary', min: p.salaryMin, max: p.salaryMax },
          salaryDescription: html`<div>${salary}</div>`.toString(),
          salaryDescriptionPlain: salary,
        }
      : {}),
  };
}

export function leverApiRoutes(lookup: PostingLookup): Router {
  const router = Router();
  const notFound = { ok: false, error: 'Document not found' };
  const listed = (site: string) =>
    lookup.board(site).filter((p) => p.scenario !== 'closed-404' && p.scenario !== 'closed');
  router.get('/api/lever/v0/postings/:site', (req, res) => {
    if (lookup.board(req.params.site).length === 0) {
      res.status(404).json(notFound);
      return;
    }
    if (req.query.mode !== undefined && req.query.mode !== 'json') {
      res.status(400).json({ ok: false, error: 'The practice API only renders mode=json.' });
      return;
    }
    const skip = Number(req.query.skip ?? 0) || 0;
    const limit = Number(req.query.limit ?? 0) || undefined;
    const all = listed(req.params.site).map((p) => leverPosting(p, baseUrlOf(req)));
    res.json(all.slice(skip, limit === undefined ? undefined : skip + limit));
  });
  router.get('/api/lever/v0/postings/:site/:id', (req, res) => {
    const p = listed(req.params.site).find((x) => x.externalId === req.params.id);
    if (!p) {
      res.status(404).json(notFound);
      return;
    }
    res.json(leverPosting(p, baseUrlOf(req)));
  });
  return router;
}
