-- A per-user monthly model budget from the plan (calls and tokens; NULL: no limit), charged on the
-- month's usage row; and how to operate widgets, learned per form template and shared by all users.
-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "model_calls_per_month" INTEGER,
ADD COLUMN     "model_tokens_per_month" INTEGER;

-- AlterTable
ALTER TABLE "usage_counters" ADD COLUMN     "model_calls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "model_tokens" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "model_actions" (
    "template" TEXT NOT NULL,
    "instruction" TEXT NOT NULL,
    "action" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_actions_pkey" PRIMARY KEY ("template","instruction")
);

-- About 3,000 tokens a call (a draft is far less, a widget action reads the page): each plan's
-- calls for roughly ten model answers per application it allows.
UPDATE "plans" SET "model_calls_per_month" = v.calls, "model_tokens_per_month" = v.tokens
FROM (VALUES ('free', 50, 150000), ('basic', 500, 1500000), ('pro', 2500, 7500000), ('premium', 10000, 30000000))
  AS v(id, calls, tokens)
WHERE "plans"."id" = v.id;

ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_model_use_check" CHECK ("model_calls" >= 0 AND "model_tokens" >= 0);
