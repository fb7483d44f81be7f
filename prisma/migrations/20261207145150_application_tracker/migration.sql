-- CreateEnum
CREATE TYPE "TrackerStage" AS ENUM ('screening', 'interview', 'offer', 'rejected', 'withdrawn');

-- CreateTable
CREATE TABLE "application_tracks" (
    "application_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "stage" "TrackerStage",
    "notes" TEXT NOT NULL DEFAULT '',
    "stage_changed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_tracks_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "application_stage_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "application_id" UUID NOT NULL,
    "from_stage" "TrackerStage",
    "to_stage" "TrackerStage",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_stage_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "application_tracks_user_id_stage_idx" ON "application_tracks"("user_id", "stage");

-- CreateIndex
CREATE INDEX "application_stage_changes_application_id_created_at_idx" ON "application_stage_changes"("application_id", "created_at");

-- AddForeignKey
ALTER TABLE "application_tracks" ADD CONSTRAINT "application_tracks_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_stage_changes" ADD CONSTRAINT "application_stage_changes_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
