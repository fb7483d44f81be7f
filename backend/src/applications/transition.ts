// The one way an application's status changes. Every caller names a transition from
// protocol/src/status.ts; this function turns it into a single guarded UPDATE (current status in
// the transition's `from`, the caller's user and lease token when given) and appends the audit
// event in the same transaction. A change the table or the lease does not allow is refused with
// the reason, and nothing is written.
import type { Application } from '@jobswipe/db';
import { Prisma } from '@jobswipe/db';
import {
  type ApplicationStatus,
  type ErrorClass,
  type FilledField,
  isHeld,
  type Lane,
  type Question,
  TRANSITIONS,
  type TransitionName,
} from '@jobswipe/protocol';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, notFound } from '../http/errors.ts';
import { enqueueDelivery } from '../outbox/enqueue-delivery.ts';
import { type ApplicationRow, applicationFromRow } from './application-row.ts';
import { recordEvent } from './events.ts';

/** Columns that may change together with the status. Lease and progress are cleared by rule
 * whenever the application leaves a held status. */
export interface ApplicationChanges {
  lane?: Lane;
  priority?: number;
  /** `next`: one more attempt was used; `reset`: the user retries with fresh attempts. */
  attempt?: 'next' | 'reset';
  availableAt?: Date;
  /** A new lease: bumps the fencing token. */
  lease?: { owner: string; expiresAt: Date };
  /** The same lease, extended (a heartbeat). */
  leaseExpiresAt?: Date;
  progress?: { step: string; pct: number };
  submittingAt?: Date | null;
  error?: { message: string | null; errorClass: ErrorClass | null };
  attention?: Question[] | null;
  /** What an attempt filled and where each answer came from. */
  filled?: FilledField[];
  confirmation?: string | null;
  quota?: { day: Date | null; month: Date | null; serverReserved: boolean };
}

export interface TransitionRequest {
  applicationId: string;
  name: TransitionName;
  to: ApplicationStatus;
  /** Who does it: `user:<id>`, `device:<id>`, `server:<worker>`, `system:<duty>`. */
  actor: string;
  /** Scope to this user (requests made by a user); another user's application is "not found". */
  userId?: string;
  /** Required by fenced transitions: the lease the caller holds (its token, and who it is). */
  lease?: { token: bigint; holder: string };
  /** Only in this lane (an executor claims only its own lane's work). */
  lane?: Lane;
  /** Only once the lease has expired (the reaper must not take back a lease just renewed). */
  onlyIfLeaseExpired?: boolean;
  changes?: ApplicationChanges;
  message?: string;
  data?: Prisma.InputJsonValue;
}

const FINISHED: readonly ApplicationStatus[] = ['SUBMITTED', 'CANCELLED', 'EXPIRED', 'FAILED', 'DEAD'];

function assignments(to: ApplicationStatus, changes: ApplicationChanges): Prisma.Sql[] {
  const sets = [Prisma.sql`status = ${to}::application_status`, Prisma.sql`updated_at = now()`];
  const c = changes;
  if (c.lane) sets.push(Prisma.sql`lane = ${c.lane}::lane`);
  if (c.priority !== undefined) sets.push(Prisma.sql`priority = ${c.priority}`);
  if (c.attempt === 'next') sets.push(Prisma.sql`attempt = a.attempt + 1`);
  if (c.attempt === 'reset') sets.push(Prisma.sql`attempt = 0`);
  if (c.availableAt) sets.push(Prisma.sql`available_at = ${c.availableAt}`);
  if (c.lease) {
    sets.push(
      Prisma.sql`lease_token = a.lease_token + 1`,
      Prisma.sql`lease_owner = ${c.lease.owner}`,
      Prisma.sql`lease_expires_at = ${c.lease.expiresAt}`,
    );
  } else if (c.leaseExpiresAt) {
    sets.push(Prisma.sql`lease_expires_at = ${c.leaseExpiresAt}`);
  } else if (!isHeld(to)) {
    sets.push(Prisma.sql`lease_owner = null`, Prisma.sql`lease_expires_at = null`);
  }
  if (c.progress)
    sets.push(Prisma.sql`progress_step = ${c.progress.step}`, Prisma.sql`progress_pct = ${c.progress.pct}`);
  else if (!isHeld(to)) sets.push(Prisma.sql`progress_step = null`, Prisma.sql`progress_pct = null`);
  if (c.submittingAt !== undefined) sets.push(Prisma.sql`submitting_at = ${c.submittingAt}`);
  if (c.error) {
    sets.push(
      Prisma.sql`last_error = ${c.error.message}`,
      Prisma.sql`error_class = ${c.error.errorClass}::error_class`,
    );
  }
  if (c.filled) sets.push(Prisma.sql`filled = ${JSON.stringify(c.filled)}::jsonb`);
  if (c.attention !== undefined) {
    sets.push(Prisma.sql`attention = ${c.attention === null ? null : JSON.stringify(c.attention)}::jsonb`);
  }
  if (c.confirmation !== undefined) sets.push(Prisma.sql`confirmation = ${c.confirmation}`);
  if (c.quota) {
    sets.push(
      Prisma.sql`quota_day = ${c.quota.day}::date`,
      Prisma.sql`quota_month = ${c.quota.month}::date`,
      Prisma.sql`server_reserved = ${c.quota.serverReserved}`,
    );
  }
  sets.push(FINISHED.includes(to) ? Prisma.sql`finished_at = now()` : Prisma.sql`finished_at = null`);
  return sets;
}

export async function transition(uow: UnitOfWork, req: TransitionRequest): Promise<Application> {
  const rule = TRANSITIONS[req.name];
  if (!(rule.to as readonly ApplicationStatus[]).includes(req.to)) {
    throw new Error(`transition ${req.name} cannot lead to ${req.to}`);
  }
  if (rule.fenced && req.lease === undefined) throw new Error(`transition ${req.name} needs the caller's lease`);

  const from = rule.from as readonly ApplicationStatus[];
  const userGuard = req.userId ? Prisma.sql`and a.user_id = ${req.userId}::uuid` : Prisma.empty;
  const leaseGuard =
    rule.fenced && req.lease
      ? Prisma.sql`and a.lease_token = ${req.lease.token} and a.lease_owner = ${req.lease.holder}`
      : Prisma.empty;
  const laneGuard = req.lane ? Prisma.sql`and a.lane = ${req.lane}::lane` : Prisma.empty;
  const expiryGuard = req.onlyIfLeaseExpired ? Prisma.sql`and a.lease_expires_at < now()` : Prisma.empty;
  const rows = await uow.tx.$queryRaw<(ApplicationRow & { old_status: ApplicationStatus })[]>`
    update applications a set ${Prisma.join(assignments(req.to, req.changes ?? {}))}
    from (select id, status as old_status from applications where id = ${req.applicationId}::uuid for update) o
    where a.id = o.id and a.status = any(${[...from]}::application_status[]) ${userGuard} ${leaseGuard} ${laneGuard} ${expiryGuard}
    returning a.*, o.old_status`;

  const row = rows[0];
  if (!row) throw await refusal(uow, req, from);
  const application = applicationFromRow(row);
  if (req.to === 'QUEUED') await enqueueDelivery(uow, application);
  await recordEvent(uow, application, {
    type: 'status',
    fromStatus: row.old_status,
    toStatus: req.to,
    actor: req.actor,
    message: req.message ?? null,
    data: req.data,
  });
  uow.afterCommit(() => uow.events.applicationChanged(application, 'status', row.old_status, req.message ?? null));
  return application;
}

/** Why a guarded update matched nothing, as the error the caller should see. */
async function refusal(uow: UnitOfWork, req: TransitionRequest, from: readonly ApplicationStatus[]): Promise<AppError> {
  const current = await uow.tx.application.findUnique({
    where: { id: req.applicationId },
    select: { userId: true, status: true, leaseToken: true, leaseOwner: true },
  });
  if (!current || (req.userId && current.userId !== req.userId)) return notFound('Application');
  if (
    TRANSITIONS[req.name].fenced &&
    (current.leaseToken !== req.lease?.token || (isHeld(current.status) && current.leaseOwner !== req.lease?.holder))
  ) {
    return new AppError(
      'stale_lease',
      'Your lease on this application is no longer valid: it lapsed and went to another executor, or was cancelled. Stop working on it.',
      { status: current.status },
    );
  }
  return new AppError('invalid_transition', `Cannot ${req.name} an application that is ${current.status}.`, {
    status: current.status,
    allowedFrom: from,
  });
}
