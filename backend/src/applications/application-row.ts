// The applications row as raw SQL returns it, mapped to the Prisma model's shape, so guarded
// updates written in SQL hand back the same type as the rest of the code uses. The row may also
// come as JSON (`to_jsonb`, from a database function): timestamps are then strings and the lease
// token a number.
import type { Application } from '@jobswipe/db';

export type ApplicationRow = Record<string, unknown>;

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
const maybeDate = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));

export function applicationFromRow(row: ApplicationRow): Application {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    jobId: row.job_id as string,
    swipeId: row.swipe_id as string | null,
    status: row.status as Application['status'],
    lane: row.lane as Application['lane'],
    priority: row.priority as number,
    attempt: row.attempt as number,
    maxAttempts: row.max_attempts as number,
    availableAt: date(row.available_at),
    leaseOwner: row.lease_owner as string | null,
    leaseToken: BigInt(row.lease_token as bigint | number | string),
    leaseExpiresAt: maybeDate(row.lease_expires_at),
    progressStep: row.progress_step as string | null,
    progressPct: row.progress_pct as number | null,
    submittingAt: maybeDate(row.submitting_at),
    lastError: row.last_error as string | null,
    errorClass: row.error_class as Application['errorClass'],
    attention: row.attention as Application['attention'],
    filled: row.filled as Application['filled'],
    confirmation: row.confirmation as string | null,
    byHand: row.by_hand === true,
    correlationId: row.correlation_id as string,
    quotaDay: maybeDate(row.quota_day),
    quotaMonth: maybeDate(row.quota_month),
    serverReserved: row.server_reserved as boolean,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    finishedAt: maybeDate(row.finished_at),
  };
}
