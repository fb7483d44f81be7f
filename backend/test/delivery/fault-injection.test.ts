// Liveness under faults, end to end: users swipe right while executors speaking the documented
// executor protocol (the protocol's ExecutorClient over real WebSockets, behind a stand-in load
// balancer that sends each connection to a live node) apply, backend nodes are SIGKILLed and
// restarted, and the test's own Redis (a Redis Cluster under `npm run test:cluster`) is flushed. Once the faults stop and the system settles,
// every application must be SUBMITTED or waiting on the user with a reason, and none applied
// twice. CI runs the small form; `npm run test:faults` (FAULT_RUN=full) runs the full one.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { openDatabase } from '@jobswipe/db';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import type { AttemptControl, AttemptOutcome } from '@jobswipe/protocol/attempt-runner';
import type { ClaimedMessage } from '@jobswipe/protocol/device';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Api, signUp } from '../support/api.ts';
import { pairDevice, startDevice, submitted } from '../support/devices.ts';
import { createJobs } from '../support/factories.ts';
import { type NodeProcess, spawnNode } from '../support/node-processes.ts';
import { type OwnRedis, startOwnRedis } from '../support/own-redis.ts';
import { freePort } from '../support/redis-server.ts';

const FULL = process.env.FAULT_RUN === 'full';
const size = FULL
  ? { users: 10, devicesPerUser: 2, swipesPerUser: 24, nodes: 3, faults: 20 }
  : { users: 4, devicesPerUser: 2, swipesPerUser: 8, nodes: 2, faults: 5 };
/** The system has settled once nothing changed for this long (longer than a lease plus a reaper pass). */
const QUIET_MS = 12_000;
/** Swipes and faults (node restarts are slow on a loaded machine) end within this. */
const FAULT_PHASE_BOUND_MS = FULL ? 480_000 : 150_000;
/** Faults stopped: everything must have settled within this. */
const SETTLE_BOUND_MS = FULL ? 180_000 : 75_000;

let db: TestDatabase;
let database: ReturnType<typeof openDatabase>;
let redis: OwnRedis;
const prisma = () => database.prisma;
const nodes: Array<NodeProcess | null> = [];
const envs: Array<Record<string, string>> = [];

beforeAll(async () => {
  db = await createTestDatabase();
  database = openDatabase(db.url);
  redis = await startOwnRedis();
  const shared = {
    DATABASE_URL: db.url,
    ...redis.env,
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: `/tmp/jobswipe-faults-${randomBytes(4).toString('hex')}`,
    SWIPE_RATE_LIMIT: '100000',
    PAIR_RATE_LIMIT: '1000',
    AUTH_RATE_LIMIT: '1000',
    // Outlives one node's restart. With every node down longer than this a lease lapses and the
    // application is claimed again; the pre-submit checkpoint makes that attempt verify first, so
    // the stand-in form below still sees one submit.
    DEVICE_LEASE_MS: '8000',
    REAPER_INTERVAL_MS: '500',
    OUTBOX_SWEEP_MS: '500',
    OFFER_TIMEOUT_MS: '2000',
    UNDO_GRACE_MS: '0',
  };
  for (let i = 0; i < size.nodes; i++) envs.push({ ...shared, PORT: String(await freePort()) });
  for (let i = 0; i < size.nodes; i++) nodes.push(await spawnNode(envs[i] as Record<string, string>));
}, 120_000);

afterAll(async () => {
  for (const node of nodes) await node?.kill();
  await redis?.stop();
  await database?.close();
  await db?.drop();
  await rm(envs[0]?.DATA_DIR ?? '/nonexistent', { recursive: true, force: true });
});

/** A live node's URL, as a load balancer would pick one (a dead one's while none is up: refused). */
function liveUrl(): string {
  const live = nodes.filter((n): n is NodeProcess => n !== null);
  const pick = live[Math.floor(Math.random() * live.length)];
  return pick?.url ?? `http://127.0.0.1:${envs[0]?.PORT}`;
}

/** SIGKILLs these nodes at once; they start again after `downMs` (in the background). */
async function killNodes(indexes: number[], downMs: number): Promise<() => Promise<void>> {
  const killed = indexes.map((i) => {
    const node = nodes[i] as NodeProcess;
    nodes[i] = null;
    return node.kill();
  });
  await Promise.all(killed);
  const restarted = (async () => {
    await new Promise((r) => setTimeout(r, downMs));
    await Promise.all(
      indexes.map(async (i) => {
        nodes[i] = await spawnNode(envs[i] as Record<string, string>);
        trace(`node ${i} is up again`);
      }),
    );
  })();
  return () => restarted;
}

/** What happened when, printed if the run fails. */
const started = Date.now();
const timeline: string[] = [];
function trace(line: string): void {
  const entry = `${((Date.now() - started) / 1000).toFixed(1)} s ${line}`;
  timeline.push(entry);
  // The full run shows its progress as it goes (it can take minutes on a loaded machine).
  if (FULL) console.log(entry);
}

/** Sends a request to a live node, retrying with the same body (and idempotency key) until answered. */
async function untilAnswered<T>(what: string, send: (api: Api) => Promise<{ status: number; body: T }>): Promise<T> {
  for (let tries = 1; ; tries++) {
    let failure: string;
    try {
      // A node SIGKILLed mid-request may leave it unanswered: give up on it and ask again.
      const res = await Promise.race([
        send(new Api(liveUrl())),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 15 s')), 15_000)),
      ]);
      if (res.status < 300) return res.body;
      if (res.status < 500 && res.status !== 429)
        throw new Refused(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      failure = `${res.status} ${JSON.stringify(res.body)}`;
    } catch (err) {
      if (err instanceof Refused) throw err;
      // The node died under the request: ask another, as the web does.
      failure = err instanceof Error ? err.message : String(err);
    }
    if (tries % 20 === 0) trace(`${what}: still unanswered after ${tries} tries (${failure})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

class Refused extends Error {}

/** Which applications a stand-in form answers with a question only the user can answer. */
const asksTheUser = (applicationId: string) => applicationId.endsWith('7');

/**
 * The company's form, as a stand-in: counts final submits per application. An attempt told to
 * verify first finds an earlier submit, as the engine finds the confirmation.
 */
const submits = new Map<string, number>();
async function apply(order: ClaimedMessage, control: AttemptControl): Promise<AttemptOutcome> {
  await control.progress('fill', 30);
  await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
  if (asksTheUser(order.applicationId))
    return {
      outcome: 'needs_attention',
      errorClass: 'needs_user',
      message: 'The form asks a question the profile cannot answer.',
      confirmation: null,
      unanswered: [{ key: 'q_why_us', label: 'Why do you want to work here?', type: 'textarea', required: true }],
      evidenceIds: [],
    };
  if (order.verifyFirst && (submits.get(order.applicationId) ?? 0) > 0) return submitted;
  await control.progress('submitting', 90);
  submits.set(order.applicationId, (submits.get(order.applicationId) ?? 0) + 1);
  return submitted;
}

async function statusCounts(ids: string[]): Promise<Record<string, number>> {
  const rows = await prisma().application.groupBy({ by: ['status'], where: { id: { in: ids } }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.status, r._count]));
}

/**
 * The longest an application waited QUEUED before its next claim: a stall the system got out of
 * only through a slow timer shows here (printed, not asserted: it depends on the machine).
 */
async function longestQueuedWait(ids: string[]): Promise<string> {
  const [row] = await prisma().$queryRaw<{ ms: number; queued_at: Date }[]>`
    select extract(epoch from claimed.created_at - queued.created_at)::float8 * 1000 as ms, queued.created_at as queued_at
    from application_events queued
    cross join lateral (
      select created_at from application_events c
      where c.application_id = queued.application_id and c.to_status = 'CLAIMED' and c.id > queued.id
      order by c.id limit 1
    ) claimed
    where queued.to_status = 'QUEUED' and queued.application_id = any(${ids}::uuid[])
    order by 1 desc limit 1`;
  if (!row) return 'none';
  return `${(row.ms / 1000).toFixed(1)} s, queued at ${((row.queued_at.getTime() - started) / 1000).toFixed(1)} s`;
}

/** Waits until no application changed for QUIET_MS (bounded); returns whether it settled. */
async function settle(ids: string[]): Promise<boolean> {
  const deadline = Date.now() + SETTLE_BOUND_MS;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const rows = await prisma().application.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, leaseToken: true, attempt: true },
      orderBy: { id: 'asc' },
    });
    const now = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_MS) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

describe('delivery under node kills and a Redis FLUSHALL', () => {
  it('settles with every application submitted or waiting on the user, none applied twice', {
    timeout: FAULT_PHASE_BOUND_MS + SETTLE_BOUND_MS + 60_000,
  }, async () => {
    const users = [];
    for (let u = 0; u < size.users; u++) {
      const user = await signUp(new Api(liveUrl()));
      await prisma().user.update({
        where: { id: user.user.id },
        data: { planId: 'enterprise', executionPreference: 'device_only' },
      });
      users.push(user);
    }
    const devices = [];
    for (const user of users)
      for (let d = 0; d < size.devicesPerUser; d++) {
        const { token } = await pairDevice(user.api);
        // Each (re)connection goes to a live node, as through a load balancer.
        devices.push(
          startDevice(liveUrl(), token, apply, {
            capacity: 2,
            connect: (url) => {
              const path = new URL(url).pathname;
              return new WebSocket(`${liveUrl().replace(/^http/, 'ws')}${path}`) as never;
            },
            backoff: { baseMs: 100, maxMs: 1_000 },
          }),
        );
      }

    try {
      // Every user swipes at their own pace while the faults land.
      const swiping = users.map(async (user, u) => {
        const jobs = await createJobs(prisma(), size.swipesPerUser);
        const ids: string[] = [];
        for (const [j, job] of jobs.entries()) {
          const body = { jobId: job.id, direction: 'right', idempotencyKey: `faults-${u}-${j}-${job.id.slice(0, 8)}` };
          const answer = await untilAnswered(`swipe ${u}/${j}`, (api) =>
            api.as(user.accessToken).request<{ application?: { id: string } }>('POST', '/v1/swipes', body),
          );
          if (!answer.application) throw new Error(`swipe without an application: ${JSON.stringify(answer)}`);
          ids.push(answer.application.id);
          // Spread over the whole fault period, so every fault lands on work in flight.
          await new Promise((r) => setTimeout(r, 800 + Math.random() * 1_200));
        }
        trace(`user ${u} swiped ${ids.length} jobs`);
        return ids;
      });
      // The faults, in turn: one node killed, Redis flushed, every node killed at once for a
      // while, a node killed as Redis is flushed, Redis killed and restarted empty.
      let swiped = false;
      const allSwiped = Promise.all(swiping).finally(() => {
        swiped = true;
      });
      const faults: string[] = [];
      const fault = (what: string) => {
        faults.push(what);
        trace(what);
      };
      for (let f = 0; f < size.faults || !swiped; f++) {
        if (Date.now() - started > FAULT_PHASE_BOUND_MS)
          throw new Error(`the swipes were not all answered after ${f} faults`);
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1_000));
        const one = f % size.nodes;
        const kind = f % 5;
        if (kind === 4) {
          await redis.down();
          await new Promise((r) => setTimeout(r, 1_000));
          await redis.up();
          fault('Redis killed and restarted empty');
        } else if (kind === 1) {
          await redis.flushAll();
          fault('FLUSHALL');
        } else if (kind === 2) {
          const all = nodes.map((_, i) => i);
          await (await killNodes(all, 1_000))();
          fault('SIGKILL every node');
        } else {
          const restarted = await killNodes([one], 200);
          if (kind === 3) await redis.flushAll();
          await restarted();
          fault(kind === 3 ? `SIGKILL node ${one} + FLUSHALL` : `SIGKILL node ${one}`);
        }
      }
      const ids = (await allSwiped).flat();
      const faultsEnded = new Date();
      expect(new Set(ids).size).toBe(size.users * size.swipesPerUser);
      expect(faults.filter((f) => f === 'FLUSHALL').length).toBeGreaterThan(0);

      const settled = await settle(ids);
      const apps = await prisma().application.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          status: true,
          attention: true,
          lastError: true,
          attempt: true,
          leaseOwner: true,
          updatedAt: true,
        },
      });
      const lastChange = Math.max(...apps.map((a) => a.updatedAt.getTime()));
      console.log(
        `${apps.length} applications, ${faults.length} faults; the last status change came`,
        `${((lastChange - faultsEnded.getTime()) / 1000).toFixed(1)} s after the faults stopped;`,
        `longest wait from queued to claimed: ${await longestQueuedWait(ids)};`,
        'attempts:',
        Object.fromEntries(
          [...new Set(apps.map((a) => a.attempt))].map((n) => [n, apps.filter((a) => a.attempt === n).length]),
        ),
      );
      const stalled = apps.filter(
        (a) =>
          !(a.status === 'SUBMITTED' && !asksTheUser(a.id)) &&
          !(a.status === 'NEEDS_ATTENTION' && asksTheUser(a.id) && a.attention !== null && a.lastError !== null),
      );
      if (stalled.length > 0 || !settled)
        console.log('faults:', faults, 'statuses:', await statusCounts(ids), 'not done:', stalled.slice(0, 20));
      expect(settled).toBe(true);
      expect(stalled).toEqual([]);
      // Applied once: one final submit per submitted application, none for the others.
      for (const a of apps) expect([a.id, submits.get(a.id) ?? 0]).toEqual([a.id, asksTheUser(a.id) ? 0 : 1]);
    } catch (err) {
      console.log(`the run, as it went:\n${timeline.join('\n')}`);
      throw err;
    } finally {
      for (const device of devices) await device.client.stop();
    }
  });
});
