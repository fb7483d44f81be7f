-- AlterTable
ALTER TABLE "saved_answers" ADD COLUMN     "field_type" TEXT,
ADD COLUMN     "options" TEXT[] DEFAULT ARRAY[]::TEXT[];
