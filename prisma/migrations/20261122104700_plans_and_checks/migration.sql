-- Plans are data (a NULL limit means unlimited), and priority orders the server streams.
INSERT INTO "plans" ("id", "name", "server_per_month", "total_per_month", "daily_limit", "priority", "price_cents", "sort_order") VALUES
  ('free',       'Free',       5,    10,   3,    0, 0,     0),
  ('basic',      'Basic',      25,   100,  10,   1, 900,   1),
  ('pro',        'Pro',        100,  500,  25,   2, 2900,  2),
  ('premium',    'Premium',    500,  2000, 100,  3, 7900,  3),
  ('enterprise', 'Enterprise', NULL, NULL, NULL, 4, 29900, 4);

-- Rules the table keeps itself, whatever code writes to it.
ALTER TABLE "applications"
  ADD CONSTRAINT "applications_attempt_nonnegative" CHECK ("attempt" >= 0 AND "max_attempts" >= 1),
  ADD CONSTRAINT "applications_lease_token_nonnegative" CHECK ("lease_token" >= 0),
  ADD CONSTRAINT "applications_progress_pct_range" CHECK ("progress_pct" IS NULL OR "progress_pct" BETWEEN 0 AND 100),
  ADD CONSTRAINT "applications_held_has_lease" CHECK (
    "status" NOT IN ('CLAIMED', 'RUNNING') OR ("lease_owner" IS NOT NULL AND "lease_expires_at" IS NOT NULL)
  );

ALTER TABLE "usage_counters"
  ADD CONSTRAINT "usage_counters_period_kind" CHECK ("period_kind" IN ('day', 'month')),
  ADD CONSTRAINT "usage_counters_nonnegative" CHECK ("server_used" >= 0 AND "total_used" >= 0);

ALTER TABLE "plans"
  ADD CONSTRAINT "plans_limits_nonnegative" CHECK (
    coalesce("server_per_month", 0) >= 0 AND coalesce("total_per_month", 0) >= 0 AND coalesce("daily_limit", 0) >= 0
  );

-- Only unpublished rows are scanned by the relay, so that index stays small.
CREATE INDEX "outbox_unpublished_idx" ON "outbox" ("id") WHERE "published_at" IS NULL;
