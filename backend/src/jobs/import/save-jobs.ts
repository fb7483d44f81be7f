// Writing imported postings to the jobs table. Contract: one statement per posting, an insert
// that updates the row on (source, external_id) conflict, so a re-import refreshes what changed
// and never duplicates; `inserted` (xmax = 0) tells a new row from an updated one. Questions the
// board's API published replace what was known of the form (the API is the form's own source).
import type { Database } from '@jobswipe/db';
import { logoUrl } from '@jobswipe/protocol/job-catalog';
import { type ImportedJob, readFromText } from './imported-job.ts';

const UPSERT = `
insert into jobs (source, external_id, company, title, location, country, remote, salary_min, salary_max,
                  salary_currency, description, key_points, apply_url, ats_kind, posted_at, employment_type,
                  seniority, skills, logo_url)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
on conflict (source, external_id) do update set
  company = excluded.company, title = excluded.title, location = excluded.location, country = excluded.country,
  remote = excluded.remote, salary_min = excluded.salary_min, salary_max = excluded.salary_max,
  salary_currency = excluded.salary_currency, description = excluded.description,
  key_points = excluded.key_points, apply_url = excluded.apply_url, ats_kind = excluded.ats_kind,
  posted_at = excluded.posted_at, employment_type = excluded.employment_type, seniority = excluded.seniority,
  skills = excluded.skills, logo_url = excluded.logo_url, updated_at = now()
returning id, (xmax = 0) as inserted`;

const SAVE_FORM = `
insert into job_forms (job_id, source, complete, questions, checked_at) values ($1, 'board_api', true, $2, now())
on conflict (job_id) do update set source = excluded.source, complete = excluded.complete,
  questions = excluded.questions, checked_at = excluded.checked_at`;

export interface SaveProgress {
  done: number;
  total: number;
  created: number;
}

export async function saveJobs(
  db: Database,
  jobs: ImportedJob[],
  onProgress: (p: SaveProgress) => void = () => {},
): Promise<{ created: number; updated: number; ids: string[] }> {
  let created = 0;
  const ids: string[] = [];
  for (const [i, j] of jobs.entries()) {
    const read = readFromText(j);
    const { rows } = await db.pool.query<{ id: string; inserted: boolean }>(UPSERT, [
      j.source,
      j.externalId,
      j.company,
      j.title,
      j.location,
      j.country,
      j.remote,
      salaryAmount(j.salaryMin),
      salaryAmount(j.salaryMax),
      currencyCode(j.salaryCurrency),
      j.description,
      j.keyPoints,
      j.applyUrl,
      j.atsKind,
      j.postedAt,
      j.employmentType,
      read.seniority,
      read.skills,
      // Whatever a source sends, only a logo from where the boards keep them is stored.
      logoUrl(j.logoUrl),
    ]);
    if (rows[0]?.inserted) created++;
    if (rows[0]) ids.push(rows[0].id);
    if (j.questions && rows[0]) await db.pool.query(SAVE_FORM, [rows[0].id, JSON.stringify(j.questions)]);
    onProgress({ done: i + 1, total: jobs.length, created });
  }
  return { created, updated: jobs.length - created, ids };
}

/** An ISO 4217 code the formatter knows (upper case), or null: a board's "US$" is no currency code. */
export function currencyCode(text: string | null): string | null {
  const code = text?.trim().toUpperCase() ?? '';
  if (!/^[A-Z]{3}$/.test(code)) return null;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return code;
  } catch {
    return null;
  }
}

/** A salary the card can show: a whole, non-negative, finite amount, or null. */
function salaryAmount(amount: number | null): number | null {
  return amount !== null && Number.isFinite(amount) && amount >= 0 ? Math.round(amount) : null;
}
