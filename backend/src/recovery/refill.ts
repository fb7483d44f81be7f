// After Redis lost its data (a restart without persistence, FLUSHALL, a failover to an empty
// replica), the streams are rebuilt from Postgres: every QUEUED application is published again.
// Each slot holding delivery keys has its epoch key (each bucket of users, and the server lane;
// see redis/keys.ts), marking "this slot still has what we wrote"; in a Redis Cluster one shard
// can lose its slots while the others keep theirs, and only the lost slots' applications are
// published again. An epoch says so only once a refill has finished: while one runs it holds
// "refilling:<token>", which the leader that comes after a leader killed mid-refill finds and
// refills again, and a loss during the refill removes, so the refill is not taken as done.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { isRedisReady } from '../redis/connection.ts';

const REFILLING = 'refilling:';
const BATCH = 500;

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
  const redis = ctx.redis;
  const keys = ctx.keys.epochs();
  const epochs = await Promise.all(keys.map((key) => redis.get(key)));
  const lost = keys.filter((_, i) => {
    const epoch = epochs[i];
    return epoch === null || epoch === undefined || epoch.startsWith(REFILLING);
  });
  if (lost.length === 0) return 0;
  // Only the recovery leader gets here, so a "refilling" mark it finds is a dead leader's.
  const token = randomUUID();
  const mark = `${REFILLING}${token}`;
  await Promise.all(lost.map((key) => redis.set(key, mark)));
  const published = await refill(ctx, streams, new Set(lost));
  const done = await Promise.all(
    lost.map((key) => redis.eval(FINISH_REFILL, 1, key, mark, `${ctx.nodeId}:${Date.now()}:${token}`)),
  );
  if (done.some((d) => d !== 1)) ctx.log.info('Redis lost data again during the refill: the next pass refills again');
  return published;
}

/** Publishes again every QUEUED application whose stream lives in a slot whose epoch is in `lost`. */
async function refill(ctx: AppContext, streams: WorkStreams, lost: ReadonlySet<string>) {
  const epochOf = (app: { lane: string; userId: string }) =>
    app.lane === 'server' ? ctx.keys.serverEpoch() : ctx.keys.bucketEpoch(ctx.keys.bucketOf(app.userId));
  let published = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await ctx.db.prisma.application.findMany({
      where: { status: 'QUEUED', id: { gt: after } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, userId: true, lane: true, priority: true },
    });
    if (batch.length === 0) break;
    const work = batch
      .filter((app) => lost.has(epochOf(app)))
      .map((app) => ({ applicationId: app.id, userId: app.userId, lane: app.lane, priority: app.priority }));
    await streams.publishAll(work);
    published += work.length;
    after = batch.at(-1)?.id ?? after;
  }
  if (published) {
    ctx.log.info({ published, slots: lost.size }, 'Redis had lost its data: streams refilled from Postgres');
  }
  return published;
}
