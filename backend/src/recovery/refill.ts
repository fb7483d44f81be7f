// After Redis lost its data (a restart without persistence, FLUSHALL, a failover), the streams
// are rebuilt from Postgres: every QUEUED application is published again. The epoch key marks
// "Redis still has what we wrote". It says so only once a refill has finished: while one runs it
// holds "refilling:<token>", which the leader that comes after a leader killed mid-refill finds
// and refills again, and a loss during the refill removes, so the refill is not taken as done.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { isRedisReady } from '../redis/connection.ts';

const REFILLING = 'refilling:';

/**
 * finish-refill: marks the refill done, only if the epoch key still holds this refill's mark (no
 * loss, no other refill since it started).
 * KEYS[1] the epoch key; ARGV[1] this refill's mark; ARGV[2] the epoch to set.
 * Returns 1 when marked done, 0 when the refill must run again.
 */
const FINISH_REFILL = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0`;

export async function refillIfLost(ctx: AppContext, streams: WorkStreams) {
  if (!isRedisReady(ctx.redis)) return 0;
  const epoch = await ctx.redis.get(ctx.keys.epoch());
  if (epoch !== null && !epoch.startsWith(REFILLING)) return 0;
  // Only the recovery leader gets here, so a "refilling" mark it finds is a dead leader's.
  const token = randomUUID();
  await ctx.redis.set(ctx.keys.epoch(), `${REFILLING}${token}`);
  const published = await refill(ctx, streams);
  const done = await ctx.redis.eval(
    FINISH_REFILL,
    1,
    ctx.keys.epoch(),
    `${REFILLING}${token}`,
    `${ctx.nodeId}:${Date.now()}:${token}`,
  );
  if (done !== 1) ctx.log.info('Redis lost its data again during the refill: the next pass refills again');
  return published;
}

async function refill(ctx: AppContext, streams: WorkStreams) {
  let published = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await ctx.db.prisma.application.findMany({
      where: { status: 'QUEUED', id: { gt: after } },
      orderBy: { id: 'asc' },
      take: 500,
      select: { id: true, userId: true, lane: true, priority: true },
    });
    if (batch.length === 0) break;
    for (const app of batch) {
      await streams.publish({ applicationId: app.id, userId: app.userId, lane: app.lane, priority: app.priority });
    }
    published += batch.length;
    after = batch.at(-1)?.id ?? after;
  }
  if (published) ctx.log.info({ published }, 'Redis had lost its data: streams refilled from Postgres');
  return published;
}
