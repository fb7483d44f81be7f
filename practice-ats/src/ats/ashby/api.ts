// Ashby's public Job Posting API (api.ashbyhq.com/posting-api/job-board/<board>), under
// /api/ashby: the whole board in one answer, with compensation when includeCompensation=true.
import { Router } from 'express';
import type { Posting } from '../../catalog/posting.ts';
import { descriptionParagraphs } from '../../catalog/posting.ts';
import { baseUrlOf } from '../../shared/base-url.ts';
import { clientPosting } from '../../shared/spa-shell.ts';
import type { PostingLookup } from '../postings-of.ts';
import { postingPath } from './spec.ts';

/** Ashby's words for a posting's employment type. */
const ASHBY_EMPLOYMENT_TYPES: Record<Posting['employmentType'], string> = {
  'Full-time': 'FullTime',
  'Part-time': 'PartTime',
  Contract: 'Contract',
};

function short(amount: number, currency: string): string {
  const symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    .format(0)
    .replace(/0/g, '')
    .trim();
  return `${symbol}${Math.round(amount / 1000)}K`;
}

function compensation(p: Posting) {
  if (p.salaryMin === null || p.salaryMax === null || p.salaryCurrency === null) return null;
  const salary = `${short(p.salaryMin, p.salaryCurrency)} – ${short(p.salaryMax, p.salaryCurrency)}`;
  const component = {
    compensationType: 'Salary',
    interval: '1 YEAR',
    currencyCode: p.salaryCurrency,
    minValue: p.salaryMin,
    maxValue: p.salaryMax,
  };
  return {
    compensationTierSummary: `${salary} • Offers Equity`,
    scrapeableCompensationSalarySummary: salary,
    compensationTiers: [
      {
        id: `${p.externalId}-tier`,
        tierSummary: `${salary} • Offers Equity`,
        title: 'Zone A',
        additionalInformation: null,
        components: [{ id: `${p.externalId}-salary`, summary: salary, ...component }],
      },
    ],
    summaryComponents: [component],
  };
}

function ashbyJob(p: Posting, base: string, withCompensation: boolean) {
  const [locality, region] = p.location.split(',').map((s) => s.trim());
  return {
    id: p.externalId,
    title: p.title,
    department: p.department,
    team: p.department,
    employmentType: ASHBY_EMPLOYMENT_TYPES[p.employmentType],
    location: p.location,
    secondaryLocations: [],
    publishedAt: `${p.postedAt}T15:00:00.000+00:00`,
    isListed: true,
    isRemote: p.remote,
    workplaceType: p.remote ? 'Remote' : 'OnSite',
    address: {
      postalAddress: { addressLocality: locality ?? null, addressRegion: region ?? null, addressCountry: null },
    },
    jobUrl: base + postingPath(p),
    applyUrl: `${base + postingPath(p)}/application`,
    descriptionHtml: clientPosting(p).descriptionHtml,
    descriptionPlain: [...descriptionParagraphs(p), ...p.keyPoints, ...p.requirements].join('\n\n'),
    shouldDisplayCompensationOnJobPostings: p.salaryMin !== null,
    ...(withCompensation ? { compensation: compensation(p) } : {}),
  };
}

export function ashbyApiRoutes(lookup: PostingLookup): Router {
  const router = Router();
  router.get('/api/ashby/posting-api/job-board/:board', (req, res) => {
    const postings = lookup.board(req.params.board);
    if (postings.length === 0) {
      res.status(404).json({ success: false, errors: [`Job board "${req.params.board}" not found`] });
      return;
    }
    const listed = postings.filter((p) => p.scenario !== 'closed-404' && p.scenario !== 'closed');
    const withCompensation = req.query.includeCompensation === 'true';
    res.json({ apiVersion: '1', jobs: listed.map((p) => ashbyJob(p, baseUrlOf(req), withCompensation)) });
  });
  return router;
}
