// Delivery against a real Redis Cluster (three masters, three replicas, on loopback): users' keys
// spread over every shard, a master killed mid-run (its replica takes over), and one shard coming
// back empty while the others keep their data, and an entry lost on its own (a replica that lagged
// more than the publish's WAIT took over). Each application is submitted, and claimed once.
// `npm run test:cluster` runs the rest of the delivery suite on a cluster too.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashSlot } from '../../src/redis/keys.ts';
import { startTestCluster, type TestCluster } from '../support/backend.ts';
import { pairDevice, startDevice, submitted } from '../support/devices.ts';
import { expectLostEntryDeliveredAgain } from '../support/lost-entry.ts';
import { TestRedisCluster } from '../support/redis-cluster.ts';
import { claimCounts, swipeRight, userWith } from '../support/users.ts';

let redis: TestRedisCluster;
let backend: TestCluster;
const prisma = () => backend.nodes[0]!.ctx.db.prisma;
const keys = () => backend.nodes[0]!.ctx.keys;
const stops: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  redis = await TestRedisCluster.start({ masters: 3, replicasPerMaster: 1, nodeTimeoutMs: 1_000 });
  backend = await startTestCluster(2, {
    REDIS_CLUSTER_NODES: redis.seeds,
    SWIPE_RATE_LIMIT: '100000',
    PAIR_RATE_LIMIT: '1000',
    REAPER_INTERVAL_MS: '300',
    OUTBOX_SWEEP_MS: '300',
  });
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
afterAll(async () => {
  await backend?.close();
  await redis?.stop();
});

/** A user with a paired device connected to one of the nodes, applying whatever it is offered. */
async function userWithDevice(node: number, slowMs = 0) {
  const user = await userWith(backend.apis[node]!, prisma());
  const { token } = await pairDevice(user.api);
  const device = startDevice(
    backend.nodes[node]!.url,
    token,
    async () => {
      await sleep(slowMs);
      return submitted;
    },
    { capacity: 2 },
  );
  stops.push(() => device.client.stop());
  return { user, device };
}

async function expectSubmittedOnce(ids: string[], timeout = 30_000) {
  await expect
    .poll(
      async () =>
        (await prisma().application.count({ where: { id: { in: ids }, status: 'SUBMITTED' } })) === ids.length,
      { timeout, interval: 200 },
    )
    .toBe(true);
  expect([...(await claimCounts(prisma(), ids)).values()].filter((n) => n !== 1)).toEqual([]);
}

/** The master that serves a key's slot now. */
async function masterOf(key: string): Promise<number | undefined> {
  return redis.masterOf(hashSlot(key));
}

describe('delivery on a Redis Cluster', () => {
  it("users on every shard: each user's work reaches their device, submitted once", { timeout: 60_000 }, async () => {
    const users = await Promise.all([0, 1, 0, 1, 0, 1].map((node) => userWithDevice(node)));
    const shards = new Set(await Promise.all(users.map(({ user }) => masterOf(keys().deviceStream(user.user.id)))));
    const ids = (await Promise.all(users.map(({ user }) => swipeRight(user.api, prisma(), 3)))).flat();
    await expectSubmittedOnce(ids);
    // Several shards were used (the slots computed here are the cluster's own), and with nothing
    // in flight the pending indexes are pruned.
    expect(shards.size).toBeGreaterThan(1);
    const stream = keys().deviceStream(users[0]!.user.user.id);
    expect(await backend.nodes[0]!.ctx.redis.cluster('KEYSLOT', stream)).toBe(hashSlot(stream));
    const pendingIndexes = users.map(({ user }) => keys().pendingIndexOf(user.user.id));
    await expect
      .poll(
        async () => {
          const members = await Promise.all(pendingIndexes.map((key) => backend.nodes[0]!.ctx.redis.scard(key)));
          return members.reduce((a, b) => a + b, 0);
        },
        { timeout: 10_000 },
      )
      .toBe(0);
  });

  it('a master killed mid-run: its replica takes over, nothing lost or doubled', { timeout: 90_000 }, async () => {
    const users = await Promise.all([0, 1, 0, 1].map((node) => userWithDevice(node, 150)));
    const first = (await Promise.all(users.map(({ user }) => swipeRight(user.api, prisma(), 4)))).flat();
    // Kill the master of the first user's keys while applications are in flight.
    await expect
      .poll(() => prisma().application.count({ where: { id: { in: first }, status: 'SUBMITTED' } }))
      .toBeGreaterThan(0);
    const victim = (await masterOf(keys().deviceStream(users[0]!.user.user.id))) as number;
    await redis.kill(victim);
    // More swipes while the cluster fails over (they wait in the outbox until it is back).
    const during = (await Promise.all(users.map(({ user }) => swipeRight(user.api, prisma(), 2)))).flat();
    await redis.waitForFailover(victim);
    const after = (await Promise.all(users.map(({ user }) => swipeRight(user.api, prisma(), 2)))).flat();
    await expectSubmittedOnce([...first, ...during, ...after], 60_000);
  });

  it('one shard comes back empty: only its users are refilled from Postgres, all delivered once', {
    timeout: 60_000,
  }, async () => {
    // Users without a device yet: their work waits in the streams.
    const users = await Promise.all(Array.from({ length: 6 }, () => userWith(backend.apis[0]!, prisma())));
    const ids = new Map<string, string[]>();
    for (const user of users) ids.set(user.user.id, await swipeRight(user.api, prisma(), 2));
    await expect.poll(() => prisma().outbox.count({ where: { publishedAt: null } })).toBe(0);
    const masters = await Promise.all(users.map((u) => masterOf(keys().deviceStream(u.user.id))));
    const lostShard = masters[0]!;
    // Only that master loses its data (a failover to a replica that had nothing); no connection drops.
    await redis.flushNode(lostShard);
    const ctx = backend.nodes[0]!.ctx;
    // The recovery leader notices the shard's epochs are gone and publishes its users' work again.
    await expect.poll(() => ctx.redis.xlen(keys().deviceStream(users[0]!.user.id)), { timeout: 20_000 }).toBe(2);
    // Users on the other shards kept their entries, not published a second time.
    for (const [i, user] of users.entries()) {
      if (masters[i] !== lostShard) expect(await ctx.redis.xlen(keys().deviceStream(user.user.id))).toBe(2);
    }
    for (const user of users) {
      const { token } = await pairDevice(user.api);
      const device = startDevice(backend.nodes[1]!.url, token, undefined, { capacity: 2 });
      stops.push(() => device.client.stop());
    }
    await expectSubmittedOnce([...ids.values()].flat());
  });

  it('an entry lost on one shard while its application is queued and published: delivered again, once', {
    timeout: 60_000,
  }, async () => {
    await expectLostEntryDeliveredAgain({
      api: backend.apis[0]!,
      ctx: backend.nodes[0]!.ctx,
      nodeUrl: backend.nodes[1]!.url,
      stops,
    });
  });
});
