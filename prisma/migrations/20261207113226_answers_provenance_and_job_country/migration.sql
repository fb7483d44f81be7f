-- AlterTable
ALTER TABLE "profiles" ADD COLUMN     "earliest_start_date" DATE,
ADD COLUMN     "education" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "legal_age" BOOLEAN,
ADD COLUMN     "referral_source" TEXT,
ADD COLUMN     "willing_to_relocate" BOOLEAN,
ADD COLUMN     "work_history" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "country" CHAR(2);

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "filled" JSONB;
