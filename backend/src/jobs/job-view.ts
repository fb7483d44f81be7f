import type { Job } from '@jobswipe/db';
import type { JobView } from '@jobswipe/protocol';
import { asJobType, asSeniority } from '@jobswipe/protocol/job-catalog';
import type { SqlFunction } from '../db/sql-function.ts';

/** A job as the API shows it (deck cards, job pages, and the snapshot kept per application). */
export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    company: job.company,
    title: job.title,
    location: job.location,
    country: job.country,
    remote: job.remote,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    salaryCurrency: job.salaryCurrency,
    description: job.description,
    keyPoints: job.keyPoints,
    applyUrl: job.applyUrl,
    atsKind: job.atsKind,
    postedAt: job.postedAt.toISOString(),
    employmentType: asJobType(job.employmentType),
    seniority: asSeniority(job.seniority),
    skills: job.skills,
    logoUrl: job.logoUrl,
    closedAt: job.closedAt?.toISOString() ?? null,
  };
}

/** A timestamp as `Date.toISOString()` writes it, for views built in SQL. */
export const ISO_TIME_SQL: SqlFunction = {
  name: 'iso_time',
  sql: `
create or replace function iso_time(t timestamptz) returns text language sql immutable as $$
  select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;`,
};

/** `toJobView` in SQL, for the swipe transaction's job snapshot (a test keeps the two equal). */
export const JOB_VIEW_SQL: SqlFunction = {
  name: 'job_view',
  sql: `
create or replace function job_view(j jobs) returns jsonb language sql stable as $$
  select jsonb_build_object(
    'id', j.id, 'company', j.company, 'title', j.title, 'location', j.location, 'country', j.country,
    'remote', j.remote, 'salaryMin', j.salary_min, 'salaryMax', j.salary_max, 'salaryCurrency', j.salary_currency,
    'description', j.description, 'keyPoints', to_jsonb(j.key_points), 'applyUrl', j.apply_url,
    'atsKind', j.ats_kind, 'postedAt', iso_time(j.posted_at), 'employmentType', j.employment_type,
    'seniority', j.seniority, 'skills', to_jsonb(j.skills), 'logoUrl', j.logo_url, 'closedAt', iso_time(j.closed_at))
$$;`,
};
