// An executor reports how its attempt ended. Fenced by the lease token; recorded once (the same
// result sent again after a lost acknowledgement is acknowledged, not applied twice).
import { Prisma } from '@jobswipe/db';
import { type ApplicationStatus, type ExecutionPreference, isHeld } from '@jobswipe/protocol';
import type { ResultMessage } from '@jobswipe/protocol/device';
import { type ApplicationRow, applicationFromRow } from '../applications/application-row.ts';
import { transition } from '../applications/transition.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { learnQuestions } from '../jobs/learned-questions.ts';
import { releaseQuota } from '../quota/reserve-quota.ts';
import { afterResult } from './after-result.ts';
import { type Executor, holdsLease, leaseOf, owner } from './executor.ts';

export type ResultInput = Omit<ResultMessage, 'type' | 'leaseToken' | 'filled' | 'submitRefused'> & {
  leaseToken: bigint;
  filled?: ResultMessage['filled'];
  submitRefused?: boolean;
};

export type ResultOutcome = { ok: true; status: ApplicationStatus } | { ok: false; message: string };

export function recordResult(ctx: AppContext, executor: Executor, input: ResultInput): Promise<ResultOutcome> {
  return inTransaction(ctx, async (uow) => {
    const userGuard = executor.kind === 'device' ? Prisma.sql`and a.user_id = ${executor.userId}::uuid` : Prisma.empty;
    const rows = await uow.tx.$queryRaw<(ApplicationRow & { preference: ExecutionPreference; ats_kind: string })[]>`
      select a.*, u.execution_preference as preference, j.ats_kind from applications a
      join users u on u.id = a.user_id join jobs j on j.id = a.job_id
      where a.id = ${input.applicationId}::uuid ${userGuard} for update of a`;
    const row = rows[0];
    if (!row) return { ok: false, message: 'No such application for you.' };
    const app = applicationFromRow(row);
    const stale = {
      ok: false,
      message: 'Your lease on this application is no longer valid: the result was not recorded.',
    } as const;
    if (app.leaseToken !== input.leaseToken) return stale;
    if (!isHeld(app.status)) {
      // Same token, no longer held: either this executor's result was already recorded (its
      // acknowledgement was lost, so it sent it again), or someone else ended the lease.
      const last = await uow.tx.applicationEvent.findFirst({
        where: { applicationId: app.id, type: 'status' },
        orderBy: { id: 'desc' },
        select: { actor: true },
      });
      if (last?.actor === owner(executor)) return { ok: true, status: app.status };
      return stale;
    }
    if (!holdsLease(app, executor, input.leaseToken)) return stale;

    const next = afterResult(app, input, {
      preference: row.preference,
      retry: { baseMs: ctx.config.RETRY_BASE_MS, maxMs: ctx.config.RETRY_MAX_MS },
      now: new Date(),
    });
    const quota = next.name === 'release' ? await releaseQuota(uow.tx, app, 'server') : undefined;
    const updated = await transition(uow, {
      applicationId: app.id,
      name: next.name,
      to: next.to,
      actor: owner(executor),
      lease: leaseOf(executor, input.leaseToken),
      // What this attempt filled, and from where: the application's detail shows it.
      changes: {
        ...next.changes,
        ...(quota ? { quota } : {}),
        ...(input.filled?.length ? { filled: input.filled } : {}),
      },
      message: next.message,
      data: { outcome: input.outcome, errorClass: input.errorClass, evidenceIds: input.evidenceIds },
    });
    // What this form asked that the scan could not see is kept for the next user's card.
    if (input.unanswered.length) await learnQuestions(uow.tx, app.jobId, input.unanswered);
    uow.afterCommit(() => {
      ctx.metrics.outcomes.inc({ ats: row.ats_kind, lane: app.lane, outcome: input.outcome });
      if (updated.status === 'SUBMITTED') {
        ctx.metrics.swipeToSubmitted.observe({ lane: app.lane }, (Date.now() - app.createdAt.getTime()) / 1000);
      }
    });
    return { ok: true, status: updated.status };
  });
}
