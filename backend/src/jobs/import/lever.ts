// Lever Postings API: GET {base}/v0/postings/{site}?mode=json.
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { jobTypeOf } from '@jobswipe/protocol/job-catalog';
import { z } from 'zod';
import type { AddressCheck } from '../../egress/address-check.ts';
import { boardLogo } from './board-logo.ts';
import { fetchJson, htmlToText, type ImportedJob, isRemote, keyPointsOf } from './imported-job.ts';

export const LEVER_API = 'https://api.lever.co';

const Postings = z.array(
  z.object({
    id: z.string(),
    text: z.string(),
    hostedUrl: z.string(),
    applyUrl: z.string().optional(),
    createdAt: z.number(),
    categories: z
      .object({ location: z.string().optional(), team: z.string().optional(), commitment: z.string().optional() })
      .partial(),
    description: z.string().default(''),
    lists: z.array(z.object({ text: z.string(), content: z.string() })).default([]),
    additional: z.string().default(''),
    workplaceType: z.string().optional(),
    salaryRange: z
      .object({ min: z.number(), max: z.number(), currency: z.string(), interval: z.string().optional() })
      .optional(),
  }),
);

export async function leverJobs(
  check: AddressCheck,
  site: string,
  baseUrl = LEVER_API,
  company = site,
): Promise<ImportedJob[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/v0/postings/${encodeURIComponent(site)}?mode=json`;
  const postings = Postings.parse(await fetchJson(check, url));
  const logo = await boardLogo(check, postings[0]?.hostedUrl);
  return postings.map((p) => {
    const lists = p.lists.map((l) => `<h3>${l.text}</h3><ul>${l.content}</ul>`).join('');
    const html = `${p.description}${lists}${p.additional}`;
    const location = p.categories.location ?? '';
    return {
      source: 'lever',
      externalId: p.id,
      company,
      title: p.text,
      location,
      country: countryOfLocation(location),
      remote: p.workplaceType === 'remote' || isRemote(location),
      salaryMin: p.salaryRange?.min ?? null,
      salaryMax: p.salaryRange?.max ?? null,
      salaryCurrency: p.salaryRange?.currency ?? null,
      description: htmlToText(html),
      keyPoints: keyPointsOf(lists || html),
      applyUrl: p.applyUrl ?? `${p.hostedUrl.replace(/\/+$/, '')}/apply`,
      atsKind: 'lever',
      postedAt: new Date(p.createdAt),
      employmentType: jobTypeOf(p.categories.commitment),
      logoUrl: logo,
    };
  });
}
