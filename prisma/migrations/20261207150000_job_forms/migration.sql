-- A job's application form as questions, known before the swipe.
-- CreateTable
CREATE TABLE "job_forms" (
    "job_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "questions" JSONB NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_forms_pkey" PRIMARY KEY ("job_id")
);

-- AddForeignKey
ALTER TABLE "job_forms" ADD CONSTRAINT "job_forms_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "job_forms" ADD CONSTRAINT "job_forms_source_check" CHECK ("source" IN ('board_api', 'page_scan', 'application'));
