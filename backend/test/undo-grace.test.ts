// The undo grace period: a right-swipe is held for the user's chosen time before any executor is
// offered it; undo within it always succeeds, undo after it is "already applying" and points at
// cancel. Real backend nodes (in this process, and as processes a test kills), Postgres and Redis.
import { randomBytes } from 'node:crypto';
import { openDatabase, type PrismaClient } from '@jobswipe/db';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import {
  type ApplicationSummary,
  type ErrorBody,
  normalizeQuestion,
  type SwipeResponse,
  type UsageView,
} from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { pairDevice, RawDevice, startDevice, submitted } from './support/devices.ts';
import { createJobs } from './support/factories.ts';
import { type NodeProcess, spawnNode } from './support/node-processes.ts';
import { freePort } from './support/redis-server.ts';
import { finishAs } from './support/transitions.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

/** A user on a plan without limits whose applications go to their devices, with this grace period. */
async function userWithGrace(api: Api, undoGraceMs: number, db: PrismaClient = prisma()) {
  const user = await signUp(api);
  await db.user.update({
    where: { id: user.user.id },
    data: { planId: 'enterprise', executionPreference: 'device_only' },
  });
  const res = await user.api.put<UsageView>('/v1/settings', { undoGraceMs });
  expect(res.status).toBe(200);
  return user;
}

async function swipeRight(api: Api, jobId: string): Promise<NonNullable<SwipeResponse['application']>> {
  const res = await api.post<SwipeResponse>('/v1/swipes', { jobId, direction: 'right' });
  expect(res.status).toBe(201);
  return res.body.application!;
}

const outboxRows = (applicationId: string) =>
  prisma().outbox.count({ where: { payload: { path: ['applicationId'], equals: applicationId } } });

describe('the undo grace period', () => {
  it('holds a right-swipe: no delivery message, nothing offered, and undo gives everything back', async () => {
    const me = await userWithGrace(backend.api, 60_000);
    const { token } = await pairDevice(me.api);
    const device = await RawDevice.connect(backend.node.url);
    try {
      device.send({ type: 'hello', token, kind: 'desktop', version: 'test', capacity: 5, held: [] });
      await device.next('welcome');
      const [job] = await createJobs(prisma(), 1);
      const before = Date.now();
      const app = await swipeRight(me.api, job!.id);
      expect(app.status).toBe('GRACE');
      expect(Date.parse(app.undoUntil!) - before).toBeGreaterThanOrEqual(59_000);
      expect(await outboxRows(app.id)).toBe(0);
      // The executor claims nothing it was not offered, and a claim anyway is refused.
      device.send({ type: 'claim', applicationId: app.id });
      expect((await device.next('rejected')).reason).toBe('not_available');

      const undo = await me.api.delete<{ cancelledApplicationId: string }>(`/v1/swipes/${job!.id}`);
      expect(undo.status).toBe(200);
      expect(undo.body.cancelledApplicationId).toBe(app.id);
      const row = await prisma().application.findUniqueOrThrow({ where: { id: app.id } });
      expect(row.status).toBe('CANCELLED');
      const usage = await me.api.get<UsageView>('/v1/plan');
      expect(usage.body.usage).toEqual({
        serverThisMonth: 0,
        totalThisMonth: 0,
        today: 0,
        modelCallsThisMonth: 0,
        modelTokensThisMonth: 0,
      });
      expect(await outboxRows(app.id)).toBe(0);
      expect(device.received.filter((m) => m.type === 'offer')).toEqual([]);
      // The job is back: swiping it again makes a new application.
      expect((await swipeRight(me.api, job!.id)).id).not.toBe(app.id);
    } finally {
      device.close();
    }
  });

  it('offers the application once its grace period is over, not before, with the audit trail', async () => {
    const me = await userWithGrace(backend.api, 1_500);
    const { token } = await pairDevice(me.api);
    const offeredAt = new Map<string, number>();
    const device = await RawDevice.connect(backend.node.url);
    device.ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; applicationId?: string };
      if (m.type === 'offer' && m.applicationId) offeredAt.set(m.applicationId, Date.now());
    });
    try {
      device.send({ type: 'hello', token, kind: 'desktop', version: 'test', capacity: 5, held: [] });
      await device.next('welcome');
      const jobs = await createJobs(prisma(), 3);
      const apps = [];
      for (const job of jobs) apps.push(await swipeRight(me.api, job.id));
      const offered: string[] = [];
      for (let i = 0; i < apps.length; i += 1) offered.push((await device.next('offer', 15_000)).applicationId);
      expect(offered.sort()).toEqual(apps.map((a) => a.id).sort());
      for (const app of apps) {
        expect(offeredAt.get(app.id)!).toBeGreaterThanOrEqual(Date.parse(app.undoUntil!));
        const events = await prisma().applicationEvent.findMany({
          where: { applicationId: app.id, type: 'status' },
          orderBy: { id: 'asc' },
        });
        expect(events.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
          [null, 'GRACE', `user:${me.user.id}`],
          ['GRACE', 'QUEUED', 'system:grace'],
        ]);
        expect(await outboxRows(app.id)).toBe(1);
      }
    } finally {
      device.close();
    }
  });

  it('answers a swipe waited on since the swipe start its grace period: held, then offered; answers after a run are not held', async () => {
    const me = await userWithGrace(backend.api, 1_500);
    const { token } = await pairDevice(me.api);
    const device = await RawDevice.connect(backend.node.url);
    try {
      device.send({ type: 'hello', token, kind: 'desktop', version: 'test', capacity: 5, held: [] });
      await device.next('welcome');
      const ESSAY = 'Why do you want to work here?';
      const [job] = await createJobs(prisma(), 1);
      await prisma().jobForm.create({
        data: {
          jobId: job!.id,
          source: 'board_api',
          complete: true,
          questions: [
            { key: normalizeQuestion(ESSAY), label: ESSAY, type: 'textarea', required: true, hints: '', step: 0 },
          ],
        },
      });
      const app = await swipeRight(me.api, job!.id);
      expect(app.status).toBe('NEEDS_ATTENTION');
      const before = Date.now();
      const answered = await me.api.post<ApplicationSummary>(`/v1/applications/${app.id}/answer`, {
        answers: [{ question: ESSAY, answer: 'Robots.' }],
      });
      expect(answered.body.status).toBe('GRACE');
      expect(Date.parse(answered.body.undoUntil!) - before).toBeGreaterThanOrEqual(1_400);
      expect(await outboxRows(app.id)).toBe(0);
      const offer = await device.next('offer', 15_000);
      expect(offer.applicationId).toBe(app.id);
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(answered.body.undoUntil!));
      const events = await prisma().applicationEvent.findMany({
        where: { applicationId: app.id, type: 'status' },
        orderBy: { id: 'asc' },
      });
      expect(events.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
        [null, 'NEEDS_ATTENTION', `user:${me.user.id}`],
        ['NEEDS_ATTENTION', 'GRACE', `user:${me.user.id}`],
        ['GRACE', 'QUEUED', 'system:grace'],
      ]);

      // Held by an executor once and back to the user with a question: the answer queues it at once.
      const [ran] = await createJobs(prisma(), 1);
      const queued = (await swipeRight(me.api, ran!.id)).id;
      await device.next('offer', 15_000);
      await finishAs(backend.node.ctx, queued, {
        name: 'fail',
        to: 'NEEDS_ATTENTION',
        questions: [{ key: normalizeQuestion(ESSAY), label: ESSAY, type: 'textarea', required: true }],
      });
      const again = await me.api.post<ApplicationSummary>(`/v1/applications/${queued}/answer`, {
        answers: [{ question: ESSAY, answer: 'Robots.' }],
      });
      expect(again.body.status).toBe('QUEUED');
    } finally {
      device.close();
    }
  });

  it('after the grace period, undo is "already applying" and points at cancel, which works', async () => {
    const me = await userWithGrace(backend.api, 200);
    const [job] = await createJobs(prisma(), 1);
    const app = await swipeRight(me.api, job!.id);
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).status)
      .toBe('QUEUED');
    const undo = await me.api.delete<ErrorBody>(`/v1/swipes/${job!.id}`);
    expect(undo.status).toBe(409);
    expect(undo.body.error.code).toBe('already_applying');
    expect(undo.body.error.message).toMatch(/Cancel/);
    expect(undo.body.error.details).toEqual({
      applicationId: app.id,
      status: 'QUEUED',
      cancel: `/v1/applications/${app.id}/cancel`,
    });
    expect(await prisma().swipe.count({ where: { userId: me.user.id } })).toBe(1);
    const cancel = await me.api.post<SwipeResponse['application']>(`/v1/applications/${app.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body?.status).toBe('CANCELLED');
  });

  it('undo racing the end of the grace period: each application is either undone or queued, never both', async () => {
    const me = await userWithGrace(backend.api, 300);
    const jobs = await createJobs(prisma(), 12);
    const apps = await Promise.all(jobs.map((j) => swipeRight(me.api, j.id)));
    // Undo each around its deadline: some before it, some after.
    const outcomes = await Promise.all(
      apps.map(async (app, i) => {
        const at = Date.parse(app.undoUntil!) - 30 + i * 5;
        await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
        const res = await me.api.delete<ErrorBody>(`/v1/swipes/${jobs[i]!.id}`);
        return res.status;
      }),
    );
    expect(outcomes.every((s) => s === 200 || s === 409)).toBe(true);
    await expect.poll(() => prisma().application.count({ where: { userId: me.user.id, status: 'GRACE' } })).toBe(0);
    for (const [i, app] of apps.entries()) {
      const row = await prisma().application.findUniqueOrThrow({ where: { id: app.id } });
      const swiped = await prisma().swipe.count({ where: { userId: me.user.id, jobId: jobs[i]!.id } });
      if (outcomes[i] === 200) {
        expect([row.status, await outboxRows(app.id), swiped]).toEqual(['CANCELLED', 0, 0]);
      } else {
        expect([row.status, await outboxRows(app.id), swiped]).toEqual(['QUEUED', 1, 1]);
      }
    }
  });

  it('a grace period of 0 queues a right-swipe at once', async () => {
    const me = await userWithGrace(backend.api, 0);
    const [job] = await createJobs(prisma(), 1);
    const app = await swipeRight(me.api, job!.id);
    expect(app).toMatchObject({ status: 'QUEUED', undoUntil: null });
    expect(await outboxRows(app.id)).toBe(1);
  });

  it('is a setting: shown with the plan, the server default until the user chooses, bad values refused', async () => {
    const other = await startTestBackend({ UNDO_GRACE_MS: '5000' });
    try {
      const me = await signUp(other.api);
      expect((await me.api.get<UsageView>('/v1/plan')).body.undoGraceMs).toBe(5_000);
      const saved = await me.api.put<UsageView>('/v1/settings', { undoGraceMs: 10_000 });
      expect(saved.body).toMatchObject({ undoGraceMs: 10_000, executionPreference: 'auto' });
      for (const bad of [-1, 60_001, 1.5, '5000']) {
        const res = await me.api.put<ErrorBody>('/v1/settings', { undoGraceMs: bad });
        expect(res.status, String(bad)).toBe(400);
        expect(res.body.error.message).toMatch(/undoGraceMs/);
      }
      const empty = await me.api.put<ErrorBody>('/v1/settings', {});
      expect(empty.body.error.message).toMatch(/at least one of executionPreference, undoGraceMs, reviewDrafts/);
      expect((await me.api.get<UsageView>('/v1/plan')).body.undoGraceMs).toBe(10_000);
    } finally {
      await other.close();
    }
  });
});

describe('a node killed during the grace period', () => {
  // Their own database: the node in this process would otherwise queue these applications too.
  let db: TestDatabase;
  let database: ReturnType<typeof openDatabase>;
  let env: Record<string, string>;
  const nodes: NodeProcess[] = [];
  const spawn = async () => {
    const node = await spawnNode({ ...env, PORT: String(await freePort()) });
    nodes.push(node);
    return node;
  };
  const status = async (id: string) => (await database.prisma.application.findUniqueOrThrow({ where: { id } })).status;

  beforeAll(async () => {
    db = await createTestDatabase();
    database = openDatabase(db.url, { max: 2 });
    env = {
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: `/tmp/jobswipe-grace-${randomBytes(4).toString('hex')}`,
      SWIPE_RATE_LIMIT: '100000',
      PAIR_RATE_LIMIT: '1000',
    };
  });
  afterAll(async () => {
    for (const node of nodes) await node.kill();
    await database.close();
    await db.drop();
  });

  it('another node queues them when their periods end, and the device gets them', { timeout: 60_000 }, async () => {
    const [a, b] = [await spawn(), await spawn()];
    const me = await userWithGrace(new Api(a.url), 2_000, database.prisma);
    const { token } = await pairDevice(me.api);
    const device = startDevice(b.url, token, async () => submitted);
    try {
      // The second swipe's deadline comes after the first's, which node a announced already.
      const jobs = await createJobs(database.prisma, 2);
      const apps = [await swipeRight(me.api, jobs[0]!.id), await swipeRight(me.api, jobs[1]!.id)];
      await a.kill();
      for (const app of apps) {
        await expect.poll(() => status(app.id), { timeout: 30_000 }).toBe('SUBMITTED');
        const queued = await database.prisma.applicationEvent.findFirstOrThrow({
          where: { applicationId: app.id, toStatus: 'QUEUED' },
        });
        expect(queued.createdAt.getTime()).toBeGreaterThanOrEqual(Date.parse(app.undoUntil!));
      }
      expect([...device.claimed].sort()).toEqual(apps.map((app) => app.id).sort());
    } finally {
      await device.client.stop();
    }
  });

  it('with no node left, the application waits in Postgres and is queued by the next node to start', {
    timeout: 60_000,
  }, async () => {
    // No node of an earlier test may be left to queue it.
    for (const earlier of nodes) await earlier.kill();
    const node = await spawn();
    const me = await userWithGrace(new Api(node.url), 500, database.prisma);
    const [job] = await createJobs(database.prisma, 1);
    const app = await swipeRight(me.api, job!.id);
    await node.kill();
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(app.undoUntil!) - Date.now()) + 300));
    expect(await status(app.id)).toBe('GRACE');
    const restarted = await spawn();
    await expect.poll(() => status(app.id)).toBe('QUEUED');
    const { token } = await pairDevice(new Api(restarted.url, me.accessToken));
    const device = startDevice(restarted.url, token, async () => submitted);
    try {
      await expect.poll(() => device.claimed, { timeout: 15_000 }).toEqual([app.id]);
    } finally {
      await device.client.stop();
    }
  });
});
