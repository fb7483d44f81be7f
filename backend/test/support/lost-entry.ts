// A stream entry lost behind the system's back, as when a replica that had not received it takes
// over from its dead master: the application is QUEUED and its outbox row published, but no stream
// holds it. Shared by the one-Redis and the Redis Cluster suites.
import { expect } from 'vitest';
import type { AppContext } from '../../src/context.ts';
import { fromFields } from '../../src/delivery/work-entry.ts';
import { WorkStreams } from '../../src/delivery/work-streams.ts';
import { reconcileOptions, StreamReconciler } from '../../src/recovery/reconcile.ts';
import type { RedisClient } from '../../src/redis/connection.ts';
import type { Api } from './api.ts';
import { pairDevice, startDevice } from './devices.ts';
import { claimCounts, swipeRight, userWith } from './users.ts';

/** The application ids of a stream's entries, in order. */
export async function streamApplications(redis: RedisClient, stream: string): Promise<string[]> {
  const entries = (await redis.xrange(stream, '-', '+')) as [string, string[]][];
  return entries.flatMap(([id, fields]) => {
    const entry = fromFields(stream, id, fields);
    return 'bad' in entry ? [] : [entry.work.applicationId];
  });
}

export interface LostEntrySetup {
  api: Api;
  /** A backend node's context (its database, Redis and keys). */
  ctx: AppContext;
  /** A backend node's URL for the device. */
  nodeUrl: string;
  /** Registers what to stop after the test. */
  stops: Array<() => Promise<void> | void>;
}

/**
 * Two applications published to a user's stream (no device yet), one entry deleted with XDEL: the
 * reconciliation publishes the lost one again, and only it (the other entry is not doubled); a
 * device then gets both, each submitted and claimed once.
 */
export async function expectLostEntryDeliveredAgain(s: LostEntrySetup): Promise<void> {
  const { redis, keys } = s.ctx;
  const prisma = s.ctx.db.prisma;
  const user = await userWith(s.api, prisma);
  const [lost, kept] = (await swipeRight(user.api, prisma, 2)) as [string, string];
  const stream = keys.deviceStream(user.user.id);
  const both = [lost, kept].sort();
  await expect.poll(() => prisma.outbox.count({ where: { publishedAt: null } })).toBe(0);
  await expect.poll(async () => (await streamApplications(redis, stream)).sort()).toEqual(both);
  const entries = (await redis.xrange(stream, '-', '+')) as [string, string[]][];
  const entryOf = (app: string) => entries.find(([, fields]) => fields.includes(app))?.[0] as string;
  expect(await redis.xdel(stream, entryOf(lost))).toBe(1);
  // Both have waited queued past the reconciliation's bound (twice the offer timeout), as if an
  // hour had gone by: the recovery leader's next pass looks at them.
  await prisma.application.updateMany({
    where: { id: { in: [lost, kept] } },
    data: { availableAt: new Date(Date.now() - 3_600_000) },
  });

  // The recovery leader delivers it again through the outbox.
  await expect.poll(async () => (await streamApplications(redis, stream)).sort(), { timeout: 20_000 }).toEqual(both);
  // A sweep that finds both entries publishes neither: one outbox row each, plus the lost one's.
  const streams = new WorkStreams(redis, keys);
  await new StreamReconciler(s.ctx, streams, { ...reconcileOptions(s.ctx), afterMs: 0 }).sweep();
  const outboxRows = (id: string) =>
    prisma.outbox.count({ where: { payload: { path: ['applicationId'], equals: id } } });
  expect([await outboxRows(lost), await outboxRows(kept)]).toEqual([2, 1]);
  expect((await streamApplications(redis, stream)).sort()).toEqual(both);

  const { token } = await pairDevice(user.api);
  const device = startDevice(s.nodeUrl, token, undefined, { capacity: 2 });
  s.stops.push(() => device.client.stop());
  await expect
    .poll(() => prisma.application.count({ where: { id: { in: [lost, kept] }, status: 'SUBMITTED' } }), {
      timeout: 30_000,
    })
    .toBe(2);
  expect(Object.fromEntries(await claimCounts(prisma, [lost, kept]))).toEqual({ [lost]: 1, [kept]: 1 });
  expect(device.claimed.sort()).toEqual([lost, kept].sort());
}
