-- "Review drafted answers before submitting": off until the user turns it on.
-- AlterTable
ALTER TABLE "users" ADD COLUMN     "review_drafts" BOOLEAN NOT NULL DEFAULT false;
