// Greenhouse Job Board API: GET {base}/v1/boards/{board}/jobs?content=true, then each job with
// ?questions=true: Greenhouse publishes a posting's application questions (types, options,
// required), so they are known before anyone swipes.

import type { FieldType, FormQuestion } from '@jobswipe/protocol';
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { jobTypeOf } from '@jobswipe/protocol/job-catalog';
import { normalizeQuestion } from '@jobswipe/protocol/questions';
import { z } from 'zod';
import type { AddressCheck } from '../../egress/address-check.ts';
import { boardLogo } from './board-logo.ts';
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
      /** The board's custom fields: many boards publish the job type as one ("Employment Type"). */
      metadata: z
        .array(z.object({ name: z.string(), value: z.unknown() }))
        .nullable()
        .optional(),
    }),
  ),
});

const ApiQuestion = z.object({
  required: z.boolean().nullable().optional(),
  label: z.string(),
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      values: z.array(z.object({ label: z.string() })).default([]),
    }),
  ),
});
type ApiQuestion = z.infer<typeof ApiQuestion>;

const JobWithQuestions = z.object({
  questions: z.array(ApiQuestion).default([]),
  location_questions: z.array(ApiQuestion).default([]),
  compliance: z
    .array(z.object({ questions: z.array(ApiQuestion).default([]) }))
    .nullable()
    .default([]),
});

const isYesNo = (options: string[]) =>
  options.length === 2 &&
  options
    .map((o) => normalizeQuestion(o))
    .sort()
    .join() === 'no,yes';

function fieldType(field: ApiQuestion['fields'][number]): FieldType | null {
  const options = field.values.map((v) => v.label);
  switch (field.type) {
    case 'input_hidden':
      return null;
    case 'input_file':
      return 'file';
    case 'textarea':
      return 'textarea';
    case 'multi_value_multi_select':
      return 'checkbox_group';
    case 'multi_value_single_select':
      return isYesNo(options) ? 'yes_no' : 'select';
    default:
      if (/\bemail\b/.test(field.name)) return 'email';
      if (/\bphone\b/.test(field.name)) return 'tel';
      return 'text';
  }
}

/** A Greenhouse question in the one schema; a question of several fields (a file, or the text pasted) is asked as its first. */
export function formQuestion(q: ApiQuestion): FormQuestion | null {
  const field = q.fields[0];
  const type = field ? fieldType(field) : null;
  if (!field || !type) return null;
  const options = field.values.map((v) => v.label);
  return {
    key: normalizeQuestion(q.label),
    label: q.label,
    type,
    ...(options.length ? { options } : {}),
    required: q.required === true,
    hints: q.fields.map((f) => f.name.toLowerCase()).join(' '),
    step: 0,
  };
}

async function jobQuestions(check: AddressCheck, jobUrl: string): Promise<FormQuestion[]> {
  const body = JobWithQuestions.parse(await fetchJson(check, `${jobUrl}?questions=true`));
  const all = [...body.questions, ...body.location_questions, ...(body.compliance ?? []).flatMap((c) => c.questions)];
  return all.map(formQuestion).filter((q): q is FormQuestion => q !== null);
}

export async function greenhouseJobs(
  check: AddressCheck,
  board: string,
  baseUrl = GREENHOUSE_API,
): Promise<ImportedJob[]> {
  const root = `${baseUrl.replace(/\/+$/, '')}/v1/boards/${encodeURIComponent(board)}/jobs`;
  const body = Board.parse(await fetchJson(check, `${root}?content=true`));
  const jobs: ImportedJob[] = [];
  const logo = await boardLogo(check, body.jobs[0]?.absolute_url);
  // One posting at a time: a board API is a public service, not ours to flood.
  for (const job of body.jobs) {
    // Greenhouse sends the description HTML-escaped.
    const html = decodeEntities(job.content ?? '');
    const location = job.location?.name ?? '';
    // A posting whose questions cannot be read (closed since the list was made) is still imported:
    // its form is then scanned like any other.
    const questions = await jobQuestions(check, `${root}/${job.id}`).catch(() => null);
    jobs.push({
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
      employmentType: jobTypeOf(
        String(job.metadata?.find((m) => /^(employment|job) type$/i.test(m.name.trim()))?.value ?? ''),
      ),
      logoUrl: logo,
      ...(questions ? { questions } : {}),
    });
  }
  return jobs;
}
