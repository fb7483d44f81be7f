// After Redis lost its data (a restart without persistence, FLUSHALL, a failover), the streams
// are rebuilt from Postgres: every QUEUED application is published again. The epoch key marks
// "Redis still has what we wrote"; SET NX makes exactly one node refill per loss.
import type { AppContext } from '../context.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { isRedisReady } from '../redis/connection.ts';

export async function refillIfLost(ctx: AppContext, streams: WorkStreams) {
  if (!isRedisReady(ctx.redis)) return 0;
  const taken = await ctx.redis.set(ctx.keys.epoch(), `${ctx.nodeId}:${Date.now()}`, 'NX');
  if (taken !== 'OK') return 0;
  try {
    return await refill(ctx, streams);
  } catch (err) {
    // Let the next pass try again rather than leave the streams half rebuilt.
    await ctx.redis.del(ctx.keys.epoch()).catch(() => {});
    throw err;
  }
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
