// Ashby Posting API: GET {base}/posting-api/job-board/{board}?includeCompensation=true.
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { jobTypeOf } from '@jobswipe/protocol/job-catalog';
import { z } from 'zod';
import type { AddressCheck } from '../../egress/address-check.ts';
import { boardLogo } from './board-logo.ts';
import { fetchJson, htmlToText, type ImportedJob, isRemote, keyPointsOf } from './imported-job.ts';

export const ASHBY_API = 'https://api.ashbyhq.com';

const Component = z.object({
  compensationType: z.string(),
  interval: z.string().optional(),
  currencyCode: z.string().nullable().optional(),
  minValue: z.number().nullable().optional(),
  maxValue: z.number().nullable().optional(),
});

const Board = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      location: z.string().default(''),
      isRemote: z.boolean().nullable().optional(),
      workplaceType: z.string().nullable().optional(),
      isListed: z.boolean().default(true),
      employmentType: z.string().nullable().optional(),
      publishedAt: z.string(),
      jobUrl: z.string(),
      applyUrl: z.string().optional(),
      descriptionHtml: z.string().default(''),
      compensation: z
        .object({ summaryComponents: z.array(Component).default([]) })
        .partial()
        .nullable()
        .optional(),
    }),
  ),
});

export async function ashbyJobs(
  check: AddressCheck,
  board: string,
  baseUrl = ASHBY_API,
  company = board,
): Promise<ImportedJob[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/posting-api/job-board/${encodeURIComponent(board)}?includeCompensation=true`;
  const listed = Board.parse(await fetchJson(check, url)).jobs.filter((j) => j.isListed);
  const logo = await boardLogo(check, listed[0]?.jobUrl);
  return listed.map((j) => {
    const salary = j.compensation?.summaryComponents?.find((c) => c.compensationType === 'Salary');
    return {
      source: 'ashby',
      externalId: j.id,
      company,
      title: j.title,
      location: j.location,
      country: countryOfLocation(j.location),
      remote: j.isRemote === true || j.workplaceType === 'Remote' || isRemote(j.location),
      salaryMin: salary?.minValue ?? null,
      salaryMax: salary?.maxValue ?? null,
      salaryCurrency: salary?.currencyCode ?? null,
      description: htmlToText(j.descriptionHtml),
      keyPoints: keyPointsOf(j.descriptionHtml),
      applyUrl: j.applyUrl ?? `${j.jobUrl.replace(/\/+$/, '')}/application`,
      atsKind: 'ashby',
      postedAt: new Date(j.publishedAt),
      employmentType: jobTypeOf(j.employmentType),
      logoUrl: logo,
    };
  });
}
