import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { WorkStreams } from '../../src/delivery/work-streams.ts';
import { refillIfLost } from '../../src/recovery/refill.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice, RawDevice, startDevice } from '../support/devices.ts';
import { expectLostEntryDeliveredAgain } from '../support/lost-entry.ts';
import { type OwnRedis, startOwnRedis } from '../support/own-redis.ts';
import { claimCounts, swipeRight, userWith } from '../support/users.ts';

let redis: OwnRedis;
let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;
const stops: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  redis = await startOwnRedis();
  backend = await startTestBackend({
    ...redis.env,
    SWIPE_RATE_LIMIT: '100000',
    PAIR_RATE_LIMIT: '1000',
    REAPER_INTERVAL_MS: '200',
  });
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
afterAll(async () => {
  await backend.close();
  await redis.stop();
});

async function allSubmitted(ids: string[]) {
  await expect
    .poll(
      async () =>
        (await prisma().application.findMany({ where: { id: { in: ids } } })).every((a) => a.status === 'SUBMITTED'),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  expect([...(await claimCounts(prisma(), ids)).values()].every((n) => n === 1)).toBe(true);
}

/** A user whose device (capacity 2, applying whatever it is offered) is connected. */
async function userWithConnectedDevice() {
  const user = await userWith(backend.api, prisma());
  const { token } = await pairDevice(user.api);
  const device = startDevice(backend.node.url, token, undefined, { capacity: 2 });
  stops.push(() => device.client.stop());
  await expect.poll(() => device.client.isConnected).toBe(true);
  return user;
}

describe('Redis losing its data', () => {
  it('FLUSHALL: every queued application is delivered afterwards, once', { timeout: 60_000 }, async () => {
    const user = await userWith(backend.api, prisma());
    const ids = await swipeRight(user.api, prisma(), 12);
    await expect.poll(() => prisma().outbox.count({ where: { publishedAt: null } })).toBe(0);
    await redis.flushAll();
    const { token } = await pairDevice(user.api);
    const device = startDevice(backend.node.url, token, undefined, { capacity: 3 });
    stops.push(() => device.client.stop());
    await allSubmitted(ids);
    expect(device.claimed.sort()).toEqual([...ids].sort());
  });

  it('a leader killed while it refilled the streams: the next pass refills them', { timeout: 60_000 }, async () => {
    const user = await userWith(backend.api, prisma());
    const ids = await swipeRight(user.api, prisma(), 4);
    await expect.poll(() => prisma().outbox.count({ where: { publishedAt: null } })).toBe(0);
    // What a leader SIGKILLed mid-refill leaves: the data gone and its refill's mark on the epoch
    // keys, nothing published (the fault-injection run found applications queued for minutes).
    const epochs = backend.node.ctx.keys.epochs();
    await redis.flushAll(Object.fromEntries(epochs.map((key) => [key, 'refilling:a-dead-leader'])));
    const { token } = await pairDevice(user.api);
    const device = startDevice(backend.node.url, token, undefined, { capacity: 2 });
    stops.push(() => device.client.stop());
    await allSubmitted(ids);
    expect(device.claimed.sort()).toEqual([...ids].sort());
  });

  it('a loss during the refill: the refill is not taken as done, and the next pass refills again', async () => {
    // A context of its own (its own key prefix, no recovery loop), so only this test refills.
    const config = loadConfig({ ...backend.env, REDIS_PREFIX: `t${randomBytes(4).toString('hex')}` });
    const ctx = createContext(config, backend.db.url);
    try {
      await expect.poll(() => ctx.redis.status).toBe('ready');
      const user = await userWith(backend.api, prisma());
      await swipeRight(user.api, prisma(), 1);
      const epoch = ctx.keys.bucketEpoch(ctx.keys.bucketOf(user.user.id));
      /** Streams whose Redis loses its data (here the user's epoch key) as the refill begins publishing. */
      class LosingStreams extends WorkStreams {
        lost = false;
        override async publishAll(works: Parameters<WorkStreams['publishAll']>[0]) {
          if (!this.lost) {
            this.lost = true;
            await ctx.redis.del(epoch);
          }
          return super.publishAll(works);
        }
      }
      const losing = new LosingStreams(ctx.redis, ctx.keys);
      expect(await refillIfLost(ctx, losing)).toBeGreaterThan(0);
      expect(await ctx.redis.get(epoch)).toBeNull();
      const streams = new WorkStreams(ctx.redis, ctx.keys);
      expect(await refillIfLost(ctx, streams)).toBeGreaterThan(0);
      expect(await ctx.redis.get(epoch)).toMatch(/^(?!refilling:)/);
      // Done: no further pass refills.
      expect(await refillIfLost(ctx, streams)).toBe(0);
    } finally {
      await ctx.close();
    }
  });

  it('FLUSHALL while a device is connected and idle: work swiped afterwards reaches it', {
    timeout: 60_000,
  }, async () => {
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.hello(backend.node.url, token, { capacity: 2 });
    stops.push(() => raw.close());
    // Redis loses everything; no connection drops, so nothing tells the node.
    await redis.flushAll();
    const ids = await swipeRight(user.api, prisma(), 2);
    const offered = [(await raw.next('offer', 30_000)).applicationId, (await raw.next('offer', 30_000)).applicationId];
    expect(offered.sort()).toEqual([...ids].sort());
  });

  it('FLUSHALL, then a nudge that reaches no node: the device is still offered the work', {
    timeout: 60_000,
  }, async () => {
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.hello(backend.node.url, token, { capacity: 1 });
    stops.push(() => raw.close());
    const { redis: client, keys } = backend.node.ctx;
    // The data goes with new epochs already in place: the nodes notice the loss once, and no
    // refill follows (which would make them recover a second time).
    const epoch = `t-${randomBytes(4).toString('hex')}`;
    await redis.flushAll(Object.fromEntries(keys.epochs().map((key) => [key, epoch])));
    // The node recovers: it says again where its device is. Then that is lost too, as when the
    // re-announce fails while a Cluster settles, so the relay's nudge for the next swipe goes nowhere.
    await expect.poll(() => client.hlen(keys.presence(user.user.id)), { timeout: 20_000 }).toBe(1);
    await client.del(keys.presence(user.user.id));
    const [id] = await swipeRight(user.api, prisma(), 1);
    expect((await raw.next('offer', 20_000)).applicationId).toBe(id);
  });

  it('a Redis restart (process killed, nothing persisted) while a device is connected', {
    timeout: 60_000,
  }, async () => {
    const user = await userWithConnectedDevice();
    await redis.down();
    // Swipes keep committing while Redis is down, and the device keeps getting work from Postgres.
    const during = await swipeRight(user.api, prisma(), 5);
    await allSubmitted(during);
    await redis.up();
    const after = await swipeRight(user.api, prisma(), 5);
    await allSubmitted([...during, ...after]);
  });

  it('Redis connected but not answering: a connected device is served from Postgres', {
    timeout: 60_000,
  }, async () => {
    const user = await userWithConnectedDevice();
    await redis.pause();
    stops.push(() => redis.resume());
    const ids = await swipeRight(user.api, prisma(), 3);
    await allSubmitted(ids);
  });

  it('swipes made while Redis is down are published from the outbox once it is back', { timeout: 60_000 }, async () => {
    const user = await userWith(backend.api, prisma());
    await redis.down();
    const ids = await swipeRight(user.api, prisma(), 6);
    expect(
      await prisma().outbox.count({
        where: { publishedAt: null, payload: { path: ['userId'], equals: user.user.id } },
      }),
    ).toBe(6);
    await redis.up();
    await expect
      .poll(
        () =>
          prisma().outbox.count({ where: { publishedAt: null, payload: { path: ['userId'], equals: user.user.id } } }),
        {
          timeout: 20_000,
        },
      )
      .toBe(0);
    const { token } = await pairDevice(user.api);
    const device = startDevice(backend.node.url, token, undefined, { capacity: 3 });
    stops.push(() => device.client.stop());
    await allSubmitted(ids);
  });
});

describe('an entry lost without a data loss (a failover to a replica that lagged)', () => {
  it('XDEL of a queued, published entry: delivered again, only that one, submitted once', {
    timeout: 60_000,
  }, async () => {
    await expectLostEntryDeliveredAgain({ api: backend.api, ctx: backend.node.ctx, nodeUrl: backend.node.url, stops });
  });
});
