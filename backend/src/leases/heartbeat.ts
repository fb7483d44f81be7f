// The lease: an executor's heartbeat extends it and reports progress. The first progress moves
// CLAIMED → RUNNING; the `submitting` step records the pre-submit checkpoint. A heartbeat with a
// stale token is refused: the executor has been fenced out and must stop.
import type { Application } from '@jobswipe/db';
import { Prisma } from '@jobswipe/db';
import { type ApplyStep, SUBMITTING_STEP } from '@jobswipe/protocol';
import { type ApplicationRow, applicationFromRow } from '../applications/application-row.ts';
import { recordEvent } from '../applications/events.ts';
import { transition } from '../applications/transition.ts';
import type { AppContext } from '../context.ts';
import { inTransaction, type UnitOfWork } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { type Executor, laneOf, leaseMs, leaseOf, owner, userScope } from './executor.ts';

export interface HeartbeatInput {
  applicationId: string;
  leaseToken: bigint;
  step: ApplyStep;
  percent: number;
  message?: string | undefined;
}

export type HeartbeatOutcome = { ok: true; leaseExpiresAt: Date } | { ok: false; message: string };

export async function heartbeat(ctx: AppContext, executor: Executor, input: HeartbeatInput): Promise<HeartbeatOutcome> {
  const expiresAt = new Date(Date.now() + leaseMs(ctx.config, executor));
  try {
    const app = await inTransaction(ctx, async (uow) => {
      const running = await renewRunning(uow, executor, input, expiresAt);
      if (running) return running;
      return transition(uow, {
        applicationId: input.applicationId,
        name: 'start',
        to: 'RUNNING',
        actor: owner(executor),
        userId: userScope(executor),
        lease: leaseOf(executor, input.leaseToken),
        changes: {
          leaseExpiresAt: expiresAt,
          progress: { step: input.step, pct: input.percent },
          ...(input.step === SUBMITTING_STEP ? { submittingAt: new Date() } : {}),
        },
        message: input.message ?? `Started: ${input.step}.`,
      });
    });
    ctx.metrics.heartbeats.inc({ lane: laneOf(executor) });
    return { ok: true, leaseExpiresAt: app.leaseExpiresAt ?? expiresAt };
  } catch (err) {
    if (err instanceof AppError && ['stale_lease', 'invalid_transition', 'not_found'].includes(err.code)) {
      return { ok: false, message: err.message };
    }
    throw err;
  }
}

/** Extends a RUNNING lease; records a progress event when the step changes. Null if not RUNNING under this token. */
async function renewRunning(
  uow: UnitOfWork,
  executor: Executor,
  input: HeartbeatInput,
  expiresAt: Date,
): Promise<Application | null> {
  const checkpoint =
    input.step === SUBMITTING_STEP ? Prisma.sql`, submitting_at = coalesce(a.submitting_at, now())` : Prisma.empty;
  const userGuard = executor.kind === 'device' ? Prisma.sql`and a.user_id = ${executor.userId}::uuid` : Prisma.empty;
  const rows = await uow.tx.$queryRaw<(ApplicationRow & { old_step: string | null })[]>`
    update applications a
    set lease_expires_at = ${expiresAt}, progress_step = ${input.step}, progress_pct = ${input.percent}, updated_at = now() ${checkpoint}
    from (select id, progress_step as old_step from applications where id = ${input.applicationId}::uuid for update) o
    where a.id = o.id and a.status = 'RUNNING' and a.lease_token = ${input.leaseToken}
      and a.lease_owner = ${owner(executor)} ${userGuard}
    returning a.*, o.old_step`;
  const row = rows[0];
  if (!row) return null;
  const app = applicationFromRow(row);
  if (row.old_step !== input.step) {
    await recordEvent(uow, app, {
      type: 'progress',
      step: input.step,
      percent: input.percent,
      message: input.message ?? null,
      actor: owner(executor),
    });
  }
  uow.afterCommit(() => uow.events.applicationChanged(app, 'progress', null, input.message ?? null));
  return app;
}
