import { randomBytes } from 'node:crypto';
import { openDatabase } from '@jobswipe/db';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import type { SwipeResponse } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, signUp } from '../support/api.ts';
import { pairDevice, startDevice, submitted } from '../support/devices.ts';
import { createJobs } from '../support/factories.ts';
import { type NodeProcess, spawnNode } from '../support/node-processes.ts';
import { freePort } from '../support/redis-server.ts';

let db: TestDatabase;
let database: ReturnType<typeof openDatabase>;
let env: Record<string, string>;
const prisma = () => database.prisma;

beforeAll(async () => {
  db = await createTestDatabase();
  database = openDatabase(db.url);
  env = {
    DATABASE_URL: db.url,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: `/tmp/jobswipe-crash-${randomBytes(4).toString('hex')}`,
    SWIPE_RATE_LIMIT: '100000',
    PAIR_RATE_LIMIT: '1000',
    // Longer than a node takes to restart on a loaded machine: a lease that lapsed while no node
    // was up is offered again by design (the engine's pre-submit checkpoint covers that case in
    // its own tests); what this test checks is that the kills alone lose and repeat nothing.
    DEVICE_LEASE_MS: '10000',
    REAPER_INTERVAL_MS: '300',
    OUTBOX_SWEEP_MS: '300',
    // Offered at once, so the kills land mid-publish and mid-claim (undo-grace.test.ts kills nodes
    // during a grace period).
    UNDO_GRACE_MS: '0',
  };
});
afterAll(async () => {
  await database.close();
  await db.drop();
});

async function retryUntilAnswered(api: Api, body: object, key: string): Promise<SwipeResponse> {
  for (;;) {
    try {
      const res = await api.request<SwipeResponse>('POST', '/v1/swipes', { ...body, idempotencyKey: key });
      if (res.status < 300) return res.body;
    } catch {
      // The node is down: the client retries with the same key, as the web does.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a backend killed with SIGKILL', () => {
  it('mid-publish and mid-claim: nothing lost, nothing applied twice', { timeout: 120_000 }, async () => {
    let node: NodeProcess = await spawnNode(env);
    const api = new Api(node.url);
    const user = await signUp(api);
    await prisma().user.update({
      where: { id: user.user.id },
      data: { planId: 'enterprise', executionPreference: 'device_only' },
    });
    const { token } = await pairDevice(user.api);
    const executed = new Map<string, number>();
    const device = startDevice(
      node.url,
      token,
      async (order) => {
        executed.set(order.applicationId, (executed.get(order.applicationId) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 30));
        return submitted;
      },
      { capacity: 3, backoff: { baseMs: 100, maxMs: 400 } },
    );

    try {
      const jobs = await createJobs(prisma(), 60);
      const swipes = jobs.map((job, i) =>
        retryUntilAnswered(user.api, { jobId: job.id, direction: 'right' }, `crash-test-${i}-${job.id.slice(0, 8)}`),
      );
      // Kill the node twice while swipes, publishes and claims are in flight.
      for (const delay of [400, 700]) {
        await new Promise((r) => setTimeout(r, delay));
        await node.kill();
        node = await spawnNode(env);
      }
      const answers = await Promise.all(swipes);
      const ids = answers.map((a) => a.application!.id);
      expect(new Set(ids).size).toBe(60);
      expect(await prisma().application.count({ where: { userId: user.user.id } })).toBe(60);

      await expect
        .poll(() => prisma().application.count({ where: { userId: user.user.id, status: 'SUBMITTED' } }), {
          timeout: 60_000,
        })
        .toBe(60)
        .catch(async (err) => {
          const stuck = await prisma().application.findMany({
            where: { userId: user.user.id, status: { not: 'SUBMITTED' } },
            include: { events: true },
          });
          console.log(JSON.stringify(stuck, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
          console.log(await prisma().outbox.findMany({ where: { publishedAt: null } }));
          throw err;
        });
      expect([...executed.values()].every((n) => n === 1)).toBe(true);
      expect(executed.size).toBe(60);
      // Submitted once each, and claimed again only after its lease lapsed (a claim whose answer
      // died with the node is claimed again by the same device and gets the same lease back).
      const trail = await prisma().applicationEvent.findMany({
        where: { applicationId: { in: ids }, type: 'status' },
        select: { applicationId: true, toStatus: true, actor: true },
      });
      const of = (id: string, matches: (e: (typeof trail)[number]) => boolean) =>
        trail.filter((e) => e.applicationId === id && matches(e)).length;
      const perApplication = ids.map((id) => ({
        submitted: of(id, (e) => e.toStatus === 'SUBMITTED'),
        claimsWithoutALapse: of(id, (e) => e.toStatus === 'CLAIMED') - of(id, (e) => e.actor === 'system:reaper'),
      }));
      expect(perApplication).toEqual(ids.map(() => ({ submitted: 1, claimsWithoutALapse: 1 })));
    } finally {
      await device.client.stop();
      await node.kill();
    }
  });
});
