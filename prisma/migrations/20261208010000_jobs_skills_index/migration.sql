-- The deck ranks the whole catalog: the jobs sharing a skill with a profile are found through this
-- index (skills && the profile's skills) instead of by reading every job.
CREATE INDEX "jobs_skills_idx" ON "jobs" USING GIN ("skills");
