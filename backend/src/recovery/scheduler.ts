// The scheduler queues applications whose wait is over: a retry after its backoff, and the ones
// deferred by quota (tomorrow's daily quota, next month's) once their quota can be reserved again;
// if it still cannot, they wait for the next period.
import type { Application } from '@jobswipe/db';
import { lockApplication } from '../applications/lock-application.ts';
import { transition } from '../applications/transition.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { reserveQuota } from '../quota/reserve-quota.ts';

/** Returns how many applications it queued. */
export async function promoteDue(ctx: AppContext, limit = 200): Promise<number> {
  const due = await ctx.db.prisma.application.findMany({
    where: { status: { in: ['RETRY_SCHEDULED', 'SCHEDULED', 'WAITING_QUOTA'] }, availableAt: { lte: new Date() } },
    orderBy: [{ priority: 'desc' }, { availableAt: 'asc' }],
    take: limit,
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of due) {
    try {
      const app = await inTransaction(ctx, (uow) => promoteOne(uow, id));
      if (app?.status === 'QUEUED') queued += 1;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return queued;
}

async function promoteOne(
  uow: Parameters<Parameters<typeof inTransaction>[1]>[0],
  id: string,
): Promise<Application | null> {
  const app = await lockApplication(uow.tx, id);
  if (app.availableAt > new Date()) return null;
  const actor = 'system:scheduler';
  if (app.status === 'RETRY_SCHEDULED') {
    return transition(uow, { applicationId: id, name: 'promote', to: 'QUEUED', actor, message: 'Retrying now.' });
  }
  if (app.status !== 'SCHEDULED' && app.status !== 'WAITING_QUOTA') return null;
  const user = await uow.tx.user.findUniqueOrThrow({ where: { id: app.userId }, include: { plan: true } });
  const reservation = await reserveQuota(uow.tx, {
    userId: app.userId,
    plan: user.plan,
    preference: user.executionPreference,
    now: new Date(),
  });
  if (reservation.kind === 'deferred') {
    return transition(uow, {
      applicationId: id,
      name: 'defer',
      to: reservation.status,
      actor,
      message: reservation.reason,
      changes: { availableAt: reservation.availableAt },
    });
  }
  return transition(uow, {
    applicationId: id,
    name: 'promote',
    to: 'QUEUED',
    actor,
    message: `Quota available: queued for the ${reservation.lane} lane.`,
    changes: { lane: reservation.lane, priority: user.plan.priority, quota: reservation.quota },
  });
}
