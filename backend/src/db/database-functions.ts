// Every database function generated from TypeScript, in the order a migration creates them (a
// function's dependencies first).
import { ISO_TIME_SQL, JOB_VIEW_SQL } from '../jobs/job-view.ts';
import { APPLICANT_DIGEST_SQL, FORM_DIGEST_SQL } from '../jobs/owed-questions.ts';
import { DELIVER_MESSAGE_SQL } from '../outbox/enqueue-delivery.ts';
import { RESERVE_QUOTA_SQL } from '../quota/reserve-quota.ts';
import { USAGE_GIVE_SQL, USAGE_TAKE_SQL } from '../quota/usage-counter.ts';
import { SWIPE_BATCH_SQL } from '../swipes/swipe-batch.ts';
import { SWIPE_TRANSACTION_SQL } from '../swipes/swipe-transaction.ts';
import type { SqlFunction } from './sql-function.ts';

export const DATABASE_FUNCTIONS: readonly SqlFunction[] = [
  ISO_TIME_SQL,
  JOB_VIEW_SQL,
  USAGE_TAKE_SQL,
  USAGE_GIVE_SQL,
  RESERVE_QUOTA_SQL,
  DELIVER_MESSAGE_SQL,
  APPLICANT_DIGEST_SQL,
  FORM_DIGEST_SQL,
  SWIPE_TRANSACTION_SQL,
  SWIPE_BATCH_SQL,
];
