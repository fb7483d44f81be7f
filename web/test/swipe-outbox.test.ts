// The offline outbox and its sync against a real backend. IndexedDB comes from fake-indexeddb, a
// spec-complete implementation for Node (the browser tests use Chromium's own).
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Job } from '@jobswipe/db';
import { normalizeQuestion } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api/client.ts';
import { outboxStamp, type PendingAnswers, type PendingSwipe, SwipeOutbox } from '../src/offline/swipe-outbox.ts';
import { SwipeSync } from '../src/offline/swipe-sync.ts';
import { Session } from '../src/session/session.ts';
import { cookieFetch } from './support/cookie-fetch.ts';

let backend: TestBackend;
let jobs: Job[];
const cleanup: (() => void)[] = [];

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
  jobs = await createJobs(backend.node.ctx.db.prisma, 12);
});

afterAll(async () => {
  for (const run of cleanup) run();
  await backend?.close();
});

let n = 0;
async function user() {
  const jar = cookieFetch();
  const session = new Session({ baseUrl: backend.node.url, fetch: jar.fetch, storage: null });
  cleanup.push(() => session.dispose());
  const me = await session.signUp({
    email: `outbox${n++}_${Date.now()}@example.com`,
    password: 'correct horse battery',
  });
  if (!('user' in me)) throw new Error('this backend has no mail: sign-up signs in at once');
  return { userId: me.user.id, session, api: new ApiClient(session, backend.node.url, jar.fetch) };
}

async function outbox() {
  const box = await SwipeOutbox.open(`test-${randomUUID()}`);
  cleanup.push(() => box.close());
  return box;
}

function swipe(userId: string, job: Job, at: number, direction: 'left' | 'right' = 'right'): PendingSwipe {
  return {
    idempotencyKey: randomUUID(),
    userId,
    jobId: job.id,
    direction,
    job: { title: job.title, company: job.company },
    createdAt: at,
  };
}

function sync(box: SwipeOutbox, userId: string, api: ApiClient) {
  const s = new SwipeSync({ outbox: box, userId, api, retryDelays: [60_000] });
  cleanup.push(() => s.stop());
  return s;
}

const swipesOf = (userId: string) =>
  backend.node.ctx.db.prisma.swipe.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

describe('SwipeOutbox', () => {
  it("keeps each user's swipes in order, across closing and reopening the database", async () => {
    const name = `test-${randomUUID()}`;
    const box = await SwipeOutbox.open(name);
    const [a, b, c] = [swipe('u1', jobs[0]!, 3), swipe('u1', jobs[1]!, 1), swipe('u2', jobs[2]!, 2)];
    for (const s of [a, b, c]) await box.add(s);
    box.close();

    const reopened = await SwipeOutbox.open(name);
    cleanup.push(() => reopened.close());
    expect(await reopened.list('u1')).toEqual([b, a]);
    expect(await reopened.list('u2')).toEqual([c]);
    await reopened.remove(b.idempotencyKey);
    expect(await reopened.list('u1')).toEqual([a]);
  });

  it('keeps swipes made within one millisecond in the order they were made', async () => {
    const box = await outbox();
    // Three key presses at once: their stamps are taken in one tick, so Date.now() ties.
    const made = ['right', 'left', 'right', 'left', 'right'].map((d, i) =>
      swipe('u3', jobs[i]!, outboxStamp(), d as 'left' | 'right'),
    );
    for (const s of made) await box.add(s);
    expect((await box.list('u3')).map((s) => s.jobId)).toEqual(made.map((s) => s.jobId));
  });
});

describe('SwipeSync', () => {
  it('keeps swipes while the server is unreachable and sends each once, in order, when it is back', async () => {
    const { userId, session, api } = await user();
    const box = await outbox();
    const unreachable = new ApiClient(session, 'http://127.0.0.1:1');
    const offline = sync(box, userId, unreachable);
    const made = [swipe(userId, jobs[0]!, 1), swipe(userId, jobs[1]!, 2, 'left'), swipe(userId, jobs[2]!, 3)];
    for (const s of made) await offline.enqueue(s);
    await offline.flush();
    expect(offline.snapshot.offline).toBe(true);
    expect(offline.snapshot.pending.map((p) => p.jobId)).toEqual(made.map((m) => m.jobId));
    expect(await swipesOf(userId)).toEqual([]);
    offline.stop();

    const online = sync(box, userId, api);
    await Promise.all([online.flush(), online.flush(), online.flush()]);
    expect(online.snapshot).toMatchObject({ pending: [], offline: false, refused: [] });
    expect(online.snapshot.lastSent?.swipe.jobId).toBe(made[2]?.jobId);
    const stored = await swipesOf(userId);
    expect(stored.map((s) => [s.jobId, s.direction])).toEqual(made.map((m) => [m.jobId, m.direction]));
    expect(await backend.node.ctx.db.prisma.application.count({ where: { userId } })).toBe(2);
  });

  it('resends a swipe whose answer was lost without applying twice', async () => {
    const { userId, api } = await user();
    const box = await outbox();
    const s = swipe(userId, jobs[3]!, 1);
    await box.add(s);
    // The first send reached the server; the page never saw the answer.
    const first = await api.swipe({ jobId: s.jobId, direction: s.direction, idempotencyKey: s.idempotencyKey });
    const again = sync(box, userId, api);
    await again.flush();
    // The server replays its first answer: the same swipe, not a new one.
    expect(again.snapshot.lastSent?.response.swipe.id).toBe(first.swipe.id);
    expect(await box.list(userId)).toEqual([]);
    expect(await swipesOf(userId)).toHaveLength(1);
    expect(await backend.node.ctx.db.prisma.application.count({ where: { userId } })).toBe(1);
  });

  it('drops a swipe the server refuses for good and says why, without blocking the next ones', async () => {
    const { userId, api } = await user();
    const box = await outbox();
    const s = sync(box, userId, api);
    const gone = { ...swipe(userId, jobs[4]!, 1), jobId: randomUUID() };
    const fine = swipe(userId, jobs[5]!, 2);
    await box.add(gone);
    await box.add(fine);
    await s.flush();
    expect(s.snapshot.pending).toEqual([]);
    expect(s.snapshot.refused).toHaveLength(1);
    expect(s.snapshot.refused[0]?.swipe.jobId).toBe(gone.jobId);
    expect((await swipesOf(userId)).map((x) => x.jobId)).toEqual([fine.jobId]);
  });

  it('takes back a swipe that was never sent, but not one the server already has', async () => {
    const { userId, session, api } = await user();
    const box = await outbox();
    const waiting = sync(box, userId, new ApiClient(session, 'http://127.0.0.1:1'));
    const s = swipe(userId, jobs[6]!, 1);
    await waiting.enqueue(s);
    expect(await waiting.retract(s.jobId)).toBe(true);
    expect(await box.list(userId)).toEqual([]);
    waiting.stop();

    const live = sync(box, userId, api);
    const sent = swipe(userId, jobs[7]!, 2);
    await live.enqueue(sent);
    await live.flush();
    expect(await live.retract(sent.jobId)).toBe(false);
    expect(await swipesOf(userId)).toHaveLength(1);
  });

  it("sends a card's answers after its swipe, to the application waiting for them, also from a page that never saw the swipe's answer", async () => {
    const { userId, api } = await user();
    const prisma = backend.node.ctx.db.prisma;
    const label = 'Are you willing to work from our Lisbon office twice a week?';
    const [job] = await createJobs(prisma, 1);
    await prisma.jobForm.create({
      data: {
        jobId: job!.id,
        source: 'board_api',
        complete: true,
        questions: [{ key: normalizeQuestion(label), label, type: 'yes_no', required: true, hints: '', step: 0 }],
      },
    });
    const box = await outbox();
    const s = swipe(userId, job!, 1);
    await box.add(s);
    await sync(box, userId, api).flush();
    const app = () => prisma.application.findFirstOrThrow({ where: { userId, jobId: job!.id } });
    expect((await app()).status).toBe('NEEDS_ATTENTION');

    // A reload later: this sync never saw the swipe's answer, so it asks for it again by its key.
    const answers: PendingAnswers = {
      kind: 'answers',
      idempotencyKey: `${s.idempotencyKey}-answers`,
      swipeKey: s.idempotencyKey,
      userId,
      jobId: job!.id,
      job: s.job,
      answers: [{ question: label, answer: true }],
      createdAt: 2,
    };
    const reloaded = sync(box, userId, api);
    await reloaded.enqueue(answers);
    await reloaded.flush();
    expect(reloaded.snapshot).toMatchObject({ pending: [], pendingAnswers: [], refused: [] });
    expect((await app()).status).toBe('QUEUED');
    expect(await prisma.savedAnswer.findMany({ where: { userId }, select: { answer: true } })).toEqual([
      { answer: true },
    ]);
    expect(await prisma.application.count({ where: { userId } })).toBe(1);
  });
});
