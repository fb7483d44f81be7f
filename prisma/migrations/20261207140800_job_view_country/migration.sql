-- The swipe transaction's job snapshot carries the job's country (authorization questions need it).
-- generated function: job_view
create or replace function job_view(j jobs) returns jsonb language sql stable as $$
  select jsonb_build_object(
    'id', j.id, 'company', j.company, 'title', j.title, 'location', j.location, 'country', j.country,
    'remote', j.remote, 'salaryMin', j.salary_min, 'salaryMax', j.salary_max, 'salaryCurrency', j.salary_currency,
    'description', j.description, 'keyPoints', to_jsonb(j.key_points), 'applyUrl', j.apply_url,
    'atsKind', j.ats_kind, 'postedAt', iso_time(j.posted_at), 'closedAt', iso_time(j.closed_at))
$$;
-- end of generated function: job_view
