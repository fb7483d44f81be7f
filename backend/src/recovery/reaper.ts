// The reaper takes back what executors abandoned. Lapsed leases (no heartbeat within the lease):
// queued again with the attempt counted, DEAD after the last attempt, or NEEDS_ATTENTION when that
// last attempt had reached the final submit. Stream entries offered to an executor that vanished
// (idle in a pending list): handed to the group again if still queued, else dropped. Consumers
// idle for a day with nothing pending are deleted.
//
// Device streams are found through the pending indexes (one per bucket of users, beside their
// streams): a stream is listed when a read hands out its entries and taken off, with its consumers,
// once nothing in it is pending. A sweep visits the buckets and the streams with work in flight,
// never the users who have nothing in flight, however many they are.

import { transition } from '../applications/transition.ts';
import { VERIFY_QUESTION } from '../applications/verify-question.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { AppError } from '../http/errors.ts';
import { isRedisReady } from '../redis/connection.ts';
import { DEVICE_BUCKETS, DEVICE_GROUP, SERVER_GROUP } from '../redis/keys.ts';

const REAPER = 'reaper';
const STALE_CONSUMER_MS = 24 * 3600_000;

interface Lapsed {
  id: string;
  attempt: number;
  max_attempts: number;
  submitting_at: Date | null;
  lease_owner: string | null;
}

/** Returns how many lapsed leases it took back. */
export async function reapLapsedLeases(ctx: AppContext, limit = 200): Promise<number> {
  const lapsed = await ctx.db.prisma.$queryRaw<Lapsed[]>`
    select id, attempt, max_attempts, submitting_at, lease_owner from applications
    where status in ('CLAIMED', 'RUNNING') and lease_expires_at < now()
    order by lease_expires_at limit ${limit}`;
  let reaped = 0;
  for (const app of lapsed) {
    const last = app.attempt + 1 >= app.max_attempts;
    const to = !last ? 'QUEUED' : app.submitting_at ? 'NEEDS_ATTENTION' : 'DEAD';
    const message = `${app.lease_owner ?? 'The executor'} stopped responding: its lease expired.`;
    try {
      await inTransaction(ctx, (uow) =>
        transition(uow, {
          applicationId: app.id,
          name: 'lapse',
          to,
          actor: 'system:reaper',
          onlyIfLeaseExpired: true,
          message,
          changes: {
            attempt: 'next',
            availableAt: new Date(),
            error: { message, errorClass: 'retryable' },
            ...(to === 'NEEDS_ATTENTION' ? { attention: [VERIFY_QUESTION] } : {}),
          },
        }),
      );
      reaped += 1;
    } catch (err) {
      // Renewed or finished since we looked: nothing to take back.
      if (!(err instanceof AppError)) throw err;
    }
  }
  if (reaped) ctx.log.info({ reaped }, 'lapsed leases taken back');
  return reaped;
}

/** Buckets whose pending indexes are read at once (each read is one small command). */
const BUCKETS_AT_ONCE = 32;

/** Re-delivers entries stuck in the pending list of an executor that vanished before claiming. */
export async function cleanPending(ctx: AppContext, streams: WorkStreams, serverPriorities: number[]): Promise<number> {
  if (!isRedisReady(ctx.redis)) return 0;
  let moved = 0;
  for (const priority of serverPriorities) {
    const stream = ctx.keys.serverStream(priority);
    moved += await cleanStream(ctx, streams, stream, SERVER_GROUP, ctx.config.SERVER_LEASE_MS);
    await dropIdleConsumers(ctx, stream, SERVER_GROUP);
  }
  for (let first = 0; first < DEVICE_BUCKETS; first += BUCKETS_AT_ONCE) {
    const buckets = Array.from({ length: Math.min(BUCKETS_AT_ONCE, DEVICE_BUCKETS - first) }, (_, i) => first + i);
    const counts = await Promise.all(buckets.map((bucket) => cleanBucket(ctx, streams, bucket)));
    moved += counts.reduce((a, b) => a + b, 0);
  }
  return moved;
}

/** Cleans every device stream listed in one bucket's pending index, and prunes those with nothing pending. */
async function cleanBucket(ctx: AppContext, streams: WorkStreams, bucket: number): Promise<number> {
  const index = ctx.keys.pendingIndex(bucket);
  let moved = 0;
  let cursor = '0';
  do {
    const [next, users] = await ctx.redis.sscan(index, cursor, 'COUNT', 200);
    cursor = next;
    for (const userId of users) {
      const stream = ctx.keys.deviceStream(userId);
      moved += await cleanStream(ctx, streams, stream, DEVICE_GROUP, ctx.config.DEVICE_LEASE_MS);
      await streams.prune(stream, DEVICE_GROUP, { index, member: userId });
    }
  } while (cursor !== '0');
  return moved;
}

async function cleanStream(ctx: AppContext, streams: WorkStreams, stream: string, group: string, idleMs: number) {
  const entries = await streams.autoclaim(stream, group, REAPER, idleMs);
  if (entries.length) {
    const ids = entries.map((e) => e.work.applicationId);
    const queued = await ctx.db.prisma.$queryRaw<{ id: string }[]>`
      select id from applications where id = any(${ids}::uuid[]) and status = 'QUEUED'`;
    const stillQueued = new Set(queued.map((r) => r.id));
    for (const entry of entries) if (stillQueued.has(entry.work.applicationId)) await streams.publish(entry.work);
    await streams.ack(
      stream,
      group,
      entries.map((e) => e.id),
    );
  }
  return entries.length;
}

async function dropIdleConsumers(ctx: AppContext, stream: string, group: string): Promise<void> {
  let consumers: unknown[];
  try {
    consumers = (await ctx.redis.xinfo('CONSUMERS', stream, group)) as unknown[];
  } catch {
    return;
  }
  for (const raw of consumers) {
    // XINFO CONSUMERS answers each consumer as a flat [field, value, field, value, ...] list.
    const flat = raw as unknown[];
    const info: Record<string, unknown> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) info[String(flat[i])] = flat[i + 1];
    if (Number(info.pending) === 0 && Number(info.idle) > STALE_CONSUMER_MS) {
      await ctx.redis.xgroup('DELCONSUMER', stream, group, String(info.name));
    }
  }
}
