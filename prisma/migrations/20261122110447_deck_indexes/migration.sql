-- The deck walks open jobs newest first and stops after one page. Closed postings pile up in the
-- catalog over time, so the walk uses an index holding only the open ones.
CREATE INDEX "jobs_deck_idx" ON "jobs" ("posted_at" DESC, "id" DESC) WHERE "closed_at" IS NULL;

-- Deck search is a case-insensitive substring match (ILIKE '%term%'). Trigram indexes let a rare
-- term find its few jobs directly instead of reading the whole catalog (570 ms to 1 ms on 50k jobs).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE INDEX "jobs_title_trgm_idx" ON "jobs" USING gin ("title" gin_trgm_ops);
CREATE INDEX "jobs_company_trgm_idx" ON "jobs" USING gin ("company" gin_trgm_ops);
CREATE INDEX "jobs_description_trgm_idx" ON "jobs" USING gin ("description" gin_trgm_ops);
CREATE INDEX "jobs_location_trgm_idx" ON "jobs" USING gin ("location" gin_trgm_ops);
