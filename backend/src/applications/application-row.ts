// The applications row as raw SQL returns it, mapped to the Prisma model's shape, so guarded
// updates written in SQL hand back the same type as the rest of the code uses.
import type { Application } from '@jobswipe/db';

export type ApplicationRow = Record<string, unknown>;

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
    availableAt: row.available_at as Date,
    leaseOwner: row.lease_owner as string | null,
    leaseToken: row.lease_token as bigint,
    leaseExpiresAt: row.lease_expires_at as Date | null,
    progressStep: row.progress_step as string | null,
    progressPct: row.progress_pct as number | null,
    submittingAt: row.submitting_at as Date | null,
    lastError: row.last_error as string | null,
    errorClass: row.error_class as Application['errorClass'],
    attention: row.attention as Application['attention'],
    filled: row.filled as Application['filled'],
    confirmation: row.confirmation as string | null,
    correlationId: row.correlation_id as string,
    quotaDay: row.quota_day as Date | null,
    quotaMonth: row.quota_month as Date | null,
    serverReserved: row.server_reserved as boolean,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    finishedAt: row.finished_at as Date | null,
  };
}
