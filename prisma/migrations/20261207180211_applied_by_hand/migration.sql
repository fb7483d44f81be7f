-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "by_hand" BOOLEAN NOT NULL DEFAULT false;
