// Greenhouse Job Board API: GET {base}/v1/boards/{board}/jobs?content=true.
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { z } from 'zod';
import type { AddressCheck } from '../../egress/address-check.ts';
import { decodeEntities, fetchJson, htmlToText, type ImportedJob, isRemote, keyPointsOf } from './imported-job.ts';

export const GREENHOUSE_API = 'https://boards-api.greenhouse.io';

const Board = z.object({
  jobs: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      absolute_url: z.string(),
      location: z.object({ name: z.string() }).nullable().optional(),
      company_name: z.string().optional(),
      content: z.string().optional(),
      first_published: z.string().nullable().optional(),
      updated_at: z.string(),
    }),
  ),
});

export async function greenhouseJobs(
  check: AddressCheck,
  board: string,
  baseUrl = GREENHOUSE_API,
): Promise<ImportedJob[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/v1/boards/${encodeURIComponent(board)}/jobs?content=true`;
  const body = Board.parse(await fetchJson(check, url));
  return body.jobs.map((job) => {
    // Greenhouse sends the description HTML-escaped.
    const html = decodeEntities(job.content ?? '');
    const location = job.location?.name ?? '';
    return {
      source: 'greenhouse',
      externalId: String(job.id),
      company: job.company_name ?? board,
      title: job.title,
      location,
      country: countryOfLocation(location),
      remote: isRemote(location),
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
      description: htmlToText(html),
      keyPoints: keyPointsOf(html),
      applyUrl: job.absolute_url,
      atsKind: 'greenhouse',
      postedAt: new Date(job.first_published ?? job.updated_at),
    };
  });
}
