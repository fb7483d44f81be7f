-- DropIndex
DROP INDEX "applications_user_id_job_id_key";

-- CreateIndex
CREATE INDEX "applications_user_id_job_id_idx" ON "applications"("user_id", "job_id");

-- A cancelled application (an undone swipe) must not stop the user from applying again later.
CREATE UNIQUE INDEX "applications_one_live_per_job" ON "applications" ("user_id", "job_id") WHERE "status" <> 'CANCELLED';
