import type { AttemptOutcome } from '@jobswipe/protocol/attempt-runner';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/redis/connection.ts';
import { ServerLaneConsumer } from '../../src/worker/server-lane-consumer.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice, RawDevice, submitted } from '../support/devices.ts';
import { freePort } from '../support/redis-server.ts';
import { claimCounts, swipeRight, userWith } from '../support/users.ts';

const backends: TestBackend[] = [];
afterAll(async () => {
  for (const b of backends) await b.close();
});

function consumer(backend: TestBackend, workerId: string, concurrency: number, execute: () => Promise<AttemptOutcome>) {
  const ctx = backend.node.ctx;
  const blocking = connectRedis(ctx.config, ctx.log, 'blocking', { blockingReads: true });
  const lane = new ServerLaneConsumer(ctx, backend.node.streams, {
    workerId,
    concurrency,
    execute,
    blocking,
    blockMs: 200,
  });
  lane.start();
  return {
    lane,
    stop: async () => {
      await lane.stop(1_000);
      blocking.disconnect();
    },
  };
}

describe('the server lane', () => {
  it('serves higher plans first, and each application once across two workers', { timeout: 60_000 }, async () => {
    const backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000' });
    backends.push(backend);
    const prisma = backend.node.ctx.db.prisma;
    const free = await userWith(backend.api, prisma, { plan: 'basic', preference: 'server_only' });
    const premium = await userWith(backend.api, prisma, { plan: 'premium', preference: 'server_only' });
    const basicIds = await swipeRight(free.api, prisma, 6);
    const premiumIds = await swipeRight(premium.api, prisma, 6);
    // Every entry in its stream before the workers start: one published late would be read after
    // lower plans' through no fault of the order (seen under load on test:cluster).
    await expect.poll(() => prisma.outbox.count({ where: { publishedAt: null } })).toBe(0);
    const order: string[] = [];
    const execute = async () => submitted;
    const w1 = consumer(backend, 'w1', 1, execute);
    const w2 = consumer(backend, 'w2', 1, execute);
    await expect
      .poll(
        () => prisma.application.count({ where: { id: { in: [...basicIds, ...premiumIds] }, status: 'SUBMITTED' } }),
        { timeout: 30_000 },
      )
      .toBe(12);
    await w1.stop();
    await w2.stop();
    const claims = await prisma.applicationEvent.findMany({
      where: { applicationId: { in: [...basicIds, ...premiumIds] }, toStatus: 'CLAIMED' },
      orderBy: { id: 'asc' },
    });
    for (const c of claims) order.push(c.applicationId);
    expect(order).toHaveLength(12);
    // Every premium application was claimed before any basic one.
    const lastPremium = Math.max(...premiumIds.map((id) => order.indexOf(id)));
    const firstBasic = Math.min(...basicIds.map((id) => order.indexOf(id)));
    expect(lastPremium).toBeLessThan(firstBasic);
    expect(new Set(claims.map((c) => c.actor))).toEqual(new Set(['server:w1', 'server:w2']));
  });

  it('hands back what it holds at shutdown: queued again at once, not after the lease', {
    timeout: 60_000,
  }, async () => {
    const backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', SERVER_LEASE_MS: '600000' });
    backends.push(backend);
    const prisma = backend.node.ctx.db.prisma;
    const user = await userWith(backend.api, prisma, { preference: 'server_only' });
    const [id] = await swipeRight(user.api, prisma, 1);
    const never = () => new Promise<AttemptOutcome>(() => {});
    const w = consumer(backend, 'w-stop', 1, never);
    await expect
      .poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id } })).status)
      .toBe('CLAIMED');
    await w.stop();
    const app = await prisma.application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: 'QUEUED', attempt: 0, leaseOwner: null });
  });
});

describe('without Redis at all', () => {
  it('swipes commit, the server lane claims from Postgres, devices get work from Postgres', {
    timeout: 60_000,
  }, async () => {
    const backend = await startTestBackend({
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      SWIPE_RATE_LIMIT: '100000',
      PAIR_RATE_LIMIT: '1000',
    });
    backends.push(backend);
    const prisma = backend.node.ctx.db.prisma;
    const serverUser = await userWith(backend.api, prisma, { preference: 'server_only' });
    const serverIds = await swipeRight(serverUser.api, prisma, 4);
    const w1 = consumer(backend, 'w1', 2, async () => submitted);
    const w2 = consumer(backend, 'w2', 2, async () => submitted);
    await expect
      .poll(() => prisma.application.count({ where: { id: { in: serverIds }, status: 'SUBMITTED' } }), {
        timeout: 30_000,
      })
      .toBe(4);
    await w1.stop();
    await w2.stop();
    expect([...(await claimCounts(prisma, serverIds)).values()]).toEqual([1, 1, 1, 1]);

    const deviceUser = await userWith(backend.api, prisma);
    const [id] = await swipeRight(deviceUser.api, prisma, 1);
    const { token } = await pairDevice(deviceUser.api);
    const raw = await RawDevice.connect(backend.node.url);
    raw.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    expect((await raw.next('offer')).applicationId).toBe(id);
    raw.send({ type: 'claim', applicationId: id! });
    expect((await raw.next('claimed')).applicationId).toBe(id);
    raw.close();
  });
});
