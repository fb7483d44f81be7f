// Claiming straight from Postgres, for when Redis is down: the oldest QUEUED applications of a
// lane (highest priority first), locked with SKIP LOCKED so concurrent executors take different
// rows, and claimed in the same transaction through the same guarded transition.
import { Prisma } from '@jobswipe/db';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { type ClaimOutcome, claimInTransaction } from './claim.ts';
import { type Executor, laneOf } from './executor.ts';
import { workOrder } from './work-order.ts';

export async function claimNextQueued(ctx: AppContext, executor: Executor, count: number): Promise<ClaimOutcome[]> {
  if (count <= 0) return [];
  const userGuard = executor.kind === 'device' ? Prisma.sql`and user_id = ${executor.userId}::uuid` : Prisma.empty;
  const claimed = await inTransaction(ctx, async (uow) => {
    const rows = await uow.tx.$queryRaw<{ id: string }[]>`
      select id from applications
      where lane = ${laneOf(executor)}::lane and status = 'QUEUED' and available_at <= now() ${userGuard}
      order by priority desc, available_at
      limit ${count} for update skip locked`;
    const apps = [];
    for (const { id } of rows) apps.push(await claimInTransaction(uow, ctx, executor, id));
    return apps;
  });
  return Promise.all(
    claimed.map(async (application) => ({ ok: true as const, application, order: await workOrder(ctx, application) })),
  );
}
