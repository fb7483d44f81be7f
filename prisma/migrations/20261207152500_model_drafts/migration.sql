-- Answers a model drafted for a user's non-sensitive questions, cached for that user only.
-- CreateTable
CREATE TABLE "model_drafts" (
    "user_id" UUID NOT NULL,
    "question_key" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_drafts_pkey" PRIMARY KEY ("user_id","question_key")
);

-- AddForeignKey
ALTER TABLE "model_drafts" ADD CONSTRAINT "model_drafts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
