-- What the catalog knows of a job beyond its text: job type, seniority, skills and logo (the deck
-- ranks by them, the card shows them), and the swipe's job snapshot keeps them.
-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "employment_type" TEXT,
ADD COLUMN     "logo_url" TEXT,
ADD COLUMN     "seniority" TEXT,
ADD COLUMN     "skills" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The job snapshot carries them too.
-- generated function: job_view
create or replace function job_view(j jobs) returns jsonb language sql stable as $$
  select jsonb_build_object(
    'id', j.id, 'company', j.company, 'title', j.title, 'location', j.location, 'country', j.country,
    'remote', j.remote, 'salaryMin', j.salary_min, 'salaryMax', j.salary_max, 'salaryCurrency', j.salary_currency,
    'description', j.description, 'keyPoints', to_jsonb(j.key_points), 'applyUrl', j.apply_url,
    'atsKind', j.ats_kind, 'postedAt', iso_time(j.posted_at), 'employmentType', j.employment_type,
    'seniority', j.seniority, 'skills', to_jsonb(j.skills), 'logoUrl', j.logo_url, 'closedAt', iso_time(j.closed_at))
$$;
-- end of generated function: job_view

