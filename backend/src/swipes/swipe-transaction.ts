// The swipe transaction (ARCHITECTURE.md): in one Postgres transaction, the swipe (unique per user
// and job) → for a right-swipe, quota reservation and routing → the application with its job
// snapshot, delivery message (outbox) and first audit event. With an idempotency key, a retried
// request returns the first response and changes nothing.
import type { Swipe } from '@jobswipe/db';
import type { SwipeBody, SwipeResponse } from '@jobswipe/protocol';
import { createApplication } from '../applications/create-application.ts';
import { type ApplicationWithJob, jobSummarySelect, toApplicationSummary } from '../applications/views.ts';
import type { AppContext } from '../context.ts';
import { inTransaction, type UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, notFound } from '../http/errors.ts';
import { requestHash, type StoredResponse, storeResponse, takeKey } from '../idempotency/idempotency-key.ts';
import { reserveQuota } from '../quota/reserve-quota.ts';

export interface SwipeResult extends StoredResponse {
  body: SwipeResponse;
}

export function runSwipe(ctx: AppContext, userId: string, input: SwipeBody): Promise<SwipeResult> {
  return inTransaction(ctx, async (uow) => {
    const key = input.idempotencyKey;
    if (key) {
      const replay = await takeKey(
        uow.tx,
        userId,
        key,
        requestHash({ jobId: input.jobId, direction: input.direction }),
      );
      if (replay) return replay as SwipeResult;
    }
    const result = await swipeOnce(ctx, uow, userId, input);
    if (key) await storeResponse(uow.tx, userId, key, result);
    return result;
  });
}

async function swipeOnce(ctx: AppContext, uow: UnitOfWork, userId: string, input: SwipeBody): Promise<SwipeResult> {
  const { tx } = uow;
  const job = await tx.job.findUnique({ where: { id: input.jobId } });
  if (!job) throw notFound('Job');

  // A concurrent swipe on the same job waits here for the first one to commit, then sees it.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    insert into swipes (user_id, job_id, direction) values (${userId}::uuid, ${job.id}::uuid, ${input.direction}::swipe_direction)
    on conflict (user_id, job_id) do nothing
    returning id`;
  const swipeId = inserted[0]?.id;
  if (!swipeId) {
    const existing = await tx.swipe.findUniqueOrThrow({ where: { userId_jobId: { userId, jobId: job.id } } });
    const application = await tx.application.findFirst({
      where: { swipeId: existing.id },
      include: { job: jobSummarySelect },
    });
    return respond(200, existing, application, false);
  }
  const swipe = await tx.swipe.findUniqueOrThrow({ where: { id: swipeId } });
  if (input.direction === 'left') return respond(201, swipe, null, true);

  if (job.closedAt) throw new AppError('conflict', 'This job no longer accepts applications. Swipe on another one.');
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, include: { plan: true } });
  const reservation = await reserveQuota(tx, {
    userId,
    plan: user.plan,
    preference: user.executionPreference,
    now: new Date(),
  });
  const application = await createApplication(uow, {
    userId,
    job,
    swipeId,
    priority: user.plan.priority,
    maxAttempts: ctx.config.MAX_ATTEMPTS,
    reservation,
    fallbackLane: user.executionPreference === 'server_only' ? 'server' : 'device',
  });
  ctx.log.info(
    {
      correlationId: application.correlationId,
      applicationId: application.id,
      status: application.status,
      lane: application.lane,
    },
    'right-swipe accepted',
  );
  return respond(201, swipe, { ...application, job }, true);
}

function respond(status: number, swipe: Swipe, application: ApplicationWithJob | null, created: boolean): SwipeResult {
  return {
    status,
    body: {
      swipe: { id: swipe.id, jobId: swipe.jobId, direction: swipe.direction, createdAt: swipe.createdAt.toISOString() },
      application: application ? toApplicationSummary(application) : null,
      created,
    },
  };
}
