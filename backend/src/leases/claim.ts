// The claim: an executor takes a QUEUED application in its lane under a new lease token
// (QUEUED → CLAIMED in one guarded update). Receiving a stream entry is not owning the
// application; only a successful claim is. Claiming is idempotent per executor: one that claims
// what it already holds (its first reply was lost with the connection) gets the same lease back,
// renewed, instead of a refusal that would cost the lease and an attempt.
import type { Application } from '@jobswipe/db';
import { Prisma } from '@jobswipe/db';
import { HELD_STATUSES } from '@jobswipe/protocol';
import type { ClaimedMessage } from '@jobswipe/protocol/device';
import { type ApplicationRow, applicationFromRow } from '../applications/application-row.ts';
import { transition } from '../applications/transition.ts';
import type { AppContext } from '../context.ts';
import { inTransaction, type UnitOfWork } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { type Executor, laneOf, leaseMs, owner, userScope } from './executor.ts';
import { workOrder } from './work-order.ts';

export type ClaimOutcome =
  | { ok: true; application: Application; order: ClaimedMessage }
  | { ok: false; reason: 'taken' | 'not_available' | 'not_found'; message: string };

/** The guarded QUEUED → CLAIMED update, inside the caller's transaction. */
export function claimInTransaction(uow: UnitOfWork, ctx: AppContext, executor: Executor, applicationId: string) {
  return transition(uow, {
    applicationId,
    name: 'claim',
    to: 'CLAIMED',
    actor: owner(executor),
    userId: userScope(executor),
    lane: laneOf(executor),
    changes: { lease: { owner: owner(executor), expiresAt: new Date(Date.now() + leaseMs(ctx.config, executor)) } },
    message: `Claimed by ${owner(executor)}.`,
  });
}

export async function claim(ctx: AppContext, executor: Executor, applicationId: string): Promise<ClaimOutcome> {
  let application: Application;
  try {
    application = await inTransaction(ctx, (uow) => claimInTransaction(uow, ctx, executor, applicationId));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const again = await reclaim(ctx, executor, applicationId);
    if (!again) {
      const outcome = refused(err);
      if (!outcome.ok) ctx.metrics.claims.inc({ lane: laneOf(executor), result: outcome.reason });
      return outcome;
    }
    application = again;
  }
  ctx.metrics.claims.inc({ lane: laneOf(executor), result: 'claimed' });
  return { ok: true, application, order: await workOrder(ctx, application) };
}

/** The lease `executor` already holds on the application, renewed; null if it holds none. */
async function reclaim(ctx: AppContext, executor: Executor, applicationId: string): Promise<Application | null> {
  const expiresAt = new Date(Date.now() + leaseMs(ctx.config, executor));
  const userGuard = executor.kind === 'device' ? Prisma.sql`and user_id = ${executor.userId}::uuid` : Prisma.empty;
  const rows = await ctx.db.prisma.$queryRaw<ApplicationRow[]>`
    update applications set lease_expires_at = ${expiresAt}, updated_at = now()
    where id = ${applicationId}::uuid and status = any(${[...HELD_STATUSES]}::application_status[])
      and lease_owner = ${owner(executor)} ${userGuard}
    returning *`;
  return rows[0] ? applicationFromRow(rows[0]) : null;
}

function refused(err: AppError): ClaimOutcome {
  if (err.code === 'not_found') return { ok: false, reason: 'not_found', message: 'No such application for you.' };
  const status = (err.details as { status?: string } | undefined)?.status;
  if (status === 'CLAIMED' || status === 'RUNNING') {
    return { ok: false, reason: 'taken', message: 'Another executor already holds this application.' };
  }
  const message =
    status === 'QUEUED'
      ? 'This application is queued for the other lane.'
      : `This application is not waiting for an executor (${status}).`;
  return { ok: false, reason: 'not_available', message };
}
