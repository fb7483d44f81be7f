import { type ErrorBody, type FormQuestion, normalizeQuestion, type SwipeResponse } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';
import { usedThisMonth } from './support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', AUTH_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

async function usage(userId: string) {
  const rows = await prisma().usageCounter.findMany({ where: { userId } });
  const day = rows.find((r) => r.periodKind === 'day');
  const month = rows.find((r) => r.periodKind === 'month');
  return { today: day?.totalUsed ?? 0, month: month?.totalUsed ?? 0, server: month?.serverUsed ?? 0 };
}

function swipe(api: Api, jobId: string, direction: 'left' | 'right' = 'right', idempotencyKey?: string) {
  return api.post<SwipeResponse & ErrorBody>('/v1/swipes', {
    jobId,
    direction,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
}

describe('the swipe transaction', () => {
  it('turns a right-swipe into a queued application with its snapshot, outbox message and audit event', async () => {
    const me = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1);
    const res = await swipe(me.api, job!.id);
    expect(res.status).toBe(201);
    const app = res.body.application!;
    expect(app).toMatchObject({ status: 'QUEUED', lane: 'server', attempt: 0, jobId: job!.id });
    const snapshot = await prisma().jobSnapshot.findUniqueOrThrow({ where: { applicationId: app.id } });
    expect(snapshot.posting).toMatchObject({ title: job!.title, company: job!.company, applyUrl: job!.applyUrl });
    const outbox = await prisma().outbox.findMany({ where: { payload: { path: ['applicationId'], equals: app.id } } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.payload).toMatchObject({ lane: 'server', userId: me.user.id });
    const events = await prisma().applicationEvent.findMany({ where: { applicationId: app.id } });
    expect(events).toMatchObject([{ fromStatus: null, toStatus: 'QUEUED', correlationId: app.correlationId }]);
  });

  it('records a left swipe without an application', async () => {
    const me = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1);
    const res = await swipe(me.api, job!.id, 'left');
    expect(res.status).toBe(201);
    expect(res.body.application).toBeNull();
    expect(await prisma().application.count({ where: { userId: me.user.id } })).toBe(0);
  });

  it('returns the existing application when the same job is swiped again, even 20 times at once', async () => {
    const me = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1);
    const results = await Promise.all(Array.from({ length: 20 }, () => swipe(me.api, job!.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(results.map((r) => r.body.application?.id)).size).toBe(1);
    expect(await prisma().application.count({ where: { userId: me.user.id } })).toBe(1);
    expect(await prisma().outbox.count({ where: { payload: { path: ['userId'], equals: me.user.id } } })).toBe(1);
    expect(await usage(me.user.id)).toEqual({ today: 1, month: 1, server: 1 });
  });

  it('refuses a job that no longer accepts applications, and an unknown job', async () => {
    const me = await signUp(backend.api);
    const [closed] = await createJobs(prisma(), 1, { closedAt: new Date() });
    const res = await swipe(me.api, closed!.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/no longer accepts/);
    expect(await prisma().swipe.count({ where: { userId: me.user.id } })).toBe(0);
    expect((await swipe(me.api, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe("the form's questions, decided on what the node keeps of the form and the applicant", () => {
  const ESSAY = 'Why do you want to work here?';
  const form = (required: boolean): FormQuestion[] => [
    { key: normalizeQuestion(ESSAY), label: ESSAY, type: 'textarea', required, hints: '', step: 0 },
  ];
  async function jobWithForm(required: boolean) {
    const [job] = await createJobs(prisma(), 1);
    await prisma().jobForm.create({
      data: { jobId: job!.id, source: 'board_api', complete: true, questions: form(required) },
    });
    return job!;
  }

  it('waits for a question the user owes, and no longer once the user has saved its answer', async () => {
    const [me, other] = [await signUp(backend.api), await signUp(backend.api)];
    const [first, second] = [await jobWithForm(true), await jobWithForm(true)];
    // The node reads both forms and this user's answers.
    expect((await swipe(other.api, second.id)).body.application).toMatchObject({ status: 'NEEDS_ATTENTION' });
    expect((await swipe(me.api, first.id)).body.application).toMatchObject({ status: 'NEEDS_ATTENTION' });
    const saved = await me.api.put('/v1/profile/answers', { answers: [{ question: ESSAY, answer: 'Robots.' }] });
    expect(saved.status).toBe(200);
    expect((await swipe(me.api, second.id)).body.application).toMatchObject({ status: 'QUEUED' });
  });

  it('follows a form another process changed (an import, a scan) after this node read it', async () => {
    const [job, another] = [await jobWithForm(false), await jobWithForm(false)];
    const [early, late] = [await signUp(backend.api), await signUp(backend.api)];
    // The node reads the form, and the late user's answers.
    expect((await swipe(early.api, job.id)).body.application).toMatchObject({ status: 'QUEUED' });
    expect((await swipe(late.api, another.id)).body.application).toMatchObject({ status: 'QUEUED' });
    await backend.node.ctx.db.pool.query('update job_forms set questions = $2 where job_id = $1', [
      job.id,
      JSON.stringify(form(true)),
    ]);
    const res = await swipe(late.api, job.id);
    expect(res.body.application).toMatchObject({ status: 'NEEDS_ATTENTION' });
    const app = await prisma().application.findUniqueOrThrow({ where: { id: res.body.application!.id } });
    expect(app.attention).toMatchObject([{ key: normalizeQuestion(ESSAY), required: true }]);
  });
});

describe('quota and routing under concurrency', () => {
  it('100 concurrent right-swipes from a free user: 3 queued on the server lane today, the rest scheduled, no limit exceeded', async () => {
    const me = await signUp(backend.api);
    const jobs = await createJobs(prisma(), 100);
    const results = await Promise.all(jobs.map((j) => swipe(me.api, j.id)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const byStatus = await prisma().application.groupBy({
      by: ['status', 'lane'],
      where: { userId: me.user.id },
      _count: true,
    });
    const counts = Object.fromEntries(byStatus.map((g) => [`${g.status}/${g.lane}`, g._count]));
    expect(counts['QUEUED/server']).toBe(3);
    expect(counts['SCHEDULED/device']).toBe(97);
    expect(await usage(me.user.id)).toEqual({ today: 3, month: 3, server: 3 });
    const scheduled = await prisma().application.findFirstOrThrow({
      where: { userId: me.user.id, status: 'SCHEDULED' },
    });
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    expect(scheduled.availableAt.toISOString()).toBe(tomorrow.toISOString());
    expect(await prisma().outbox.count({ where: { payload: { path: ['userId'], equals: me.user.id } } })).toBe(3);
  });

  async function userWithUsage(
    preference: 'auto' | 'device_only' | 'server_only',
    month: { total: number; server: number },
  ) {
    const me = await signUp(backend.api);
    await prisma().user.update({ where: { id: me.user.id }, data: { executionPreference: preference } });
    await usedThisMonth(prisma(), me.user.id, month);
    return me;
  }

  async function swipeMany(api: Api, n: number) {
    const jobs = await createJobs(prisma(), n);
    const results = await Promise.all(jobs.map((j) => swipe(api, j.id)));
    return results.map((r) => `${r.body.application?.status}/${r.body.application?.lane}`).sort();
  }

  it('auto: the last server application goes to the server lane, the rest to the user devices', async () => {
    const me = await userWithUsage('auto', { total: 4, server: 4 });
    expect(await swipeMany(me.api, 3)).toEqual(['QUEUED/device', 'QUEUED/device', 'QUEUED/server']);
    expect(await usage(me.user.id)).toMatchObject({ server: 5, month: 7 });
  });

  it('server only: over the server quota the application waits instead of using a device', async () => {
    const me = await userWithUsage('server_only', { total: 4, server: 4 });
    expect(await swipeMany(me.api, 3)).toEqual(['QUEUED/server', 'WAITING_QUOTA/server', 'WAITING_QUOTA/server']);
    expect(await usage(me.user.id)).toMatchObject({ server: 5, month: 5, today: 1 });
  });

  it('device only: never uses server quota', async () => {
    const me = await userWithUsage('device_only', { total: 0, server: 0 });
    expect(await swipeMany(me.api, 3)).toEqual(['QUEUED/device', 'QUEUED/device', 'QUEUED/device']);
    expect(await usage(me.user.id)).toMatchObject({ server: 0, month: 3 });
  });

  it('over the monthly total the application waits for next month and gives back its daily count', async () => {
    const me = await userWithUsage('auto', { total: 9, server: 0 });
    expect(await swipeMany(me.api, 3)).toEqual(['QUEUED/server', 'WAITING_QUOTA/device', 'WAITING_QUOTA/device']);
    expect(await usage(me.user.id)).toMatchObject({ month: 10, today: 1 });
  });
});

describe('the swipe rate', () => {
  it('refuses the swipe one too many in a minute, saying how long to wait, and writes nothing', async () => {
    const limited = await startTestBackend({ SWIPE_RATE_LIMIT: '2' });
    try {
      const me = await signUp(limited.api);
      const jobs = await createJobs(limited.node.ctx.db.prisma, 3);
      expect((await swipe(me.api, jobs[0]!.id)).status).toBe(201);
      expect((await swipe(me.api, jobs[1]!.id, 'left')).status).toBe(201);
      const refused = await swipe(me.api, jobs[2]!.id);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await limited.node.ctx.db.prisma.swipe.count({ where: { userId: me.user.id } })).toBe(2);
    } finally {
      await limited.close();
    }
  });
});

describe('idempotency keys', () => {
  it('replays the first response for a retried request and changes nothing', async () => {
    const me = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1);
    const first = await swipe(me.api, job!.id, 'right', 'key-0001-abcdef');
    const again = await swipe(me.api, job!.id, 'right', 'key-0001-abcdef');
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(first.body.created).toBe(true);
    expect(await prisma().application.count({ where: { userId: me.user.id } })).toBe(1);
  });

  it('accepts the key as an Idempotency-Key header too, and handles concurrent retries', async () => {
    const me = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1);
    const send = () =>
      me.api.request<SwipeResponse>(
        'POST',
        '/v1/swipes',
        { jobId: job!.id, direction: 'right' },
        { headers: { 'idempotency-key': 'hdr-key-42424242' } },
      );
    const results = await Promise.all([send(), send(), send(), send()]);
    for (const r of results) expect(r.body).toEqual(results[0]!.body);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await prisma().application.count({ where: { userId: me.user.id } })).toBe(1);
  });

  it('refuses a key reused for a different request', async () => {
    const me = await signUp(backend.api);
    const [a, b] = await createJobs(prisma(), 2);
    await swipe(me.api, a!.id, 'right', 'key-reused-123');
    const res = await swipe(me.api, b!.id, 'right', 'key-reused-123');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency_mismatch');
    expect(await prisma().swipe.count({ where: { userId: me.user.id } })).toBe(1);
  });

  it('refuses a key reused at the same moment for another job, and keeps only the request that won it', async () => {
    const me = await signUp(backend.api);
    const jobs = await createJobs(prisma(), 6);
    const results = await Promise.all(jobs.map((job) => swipe(me.api, job.id, 'right', 'key-raced-7777')));
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 422)).toHaveLength(jobs.length - 1);
    const swipes = await prisma().swipe.findMany({ where: { userId: me.user.id } });
    expect(swipes.map((s) => s.jobId)).toEqual([won[0]!.body.swipe.jobId]);
    expect(await prisma().application.count({ where: { userId: me.user.id } })).toBe(1);
    expect(await usage(me.user.id)).toMatchObject({ today: 1, month: 1 });
  });
});

describe('atomicity', () => {
  it('a failure after the application insert leaves no swipe, application, outbox row or quota used', async () => {
    const me = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1, { title: 'explode-in-transaction' });
    // A real failure inside the transaction, after the application row: the audit event insert.
    await prisma().$executeRawUnsafe(`
      create or replace function fail_event() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from applications a join jobs j on j.id = a.job_id
                   where a.id = new.application_id and j.title = 'explode-in-transaction') then
          raise exception 'injected failure';
        end if;
        return new;
      end $$`);
    await prisma().$executeRawUnsafe(
      'create trigger fail_event before insert on application_events for each row execute function fail_event()',
    );
    try {
      const res = await swipe(me.api, job!.id);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
    } finally {
      await prisma().$executeRawUnsafe('drop trigger fail_event on application_events');
    }
    expect(await prisma().swipe.count({ where: { userId: me.user.id } })).toBe(0);
    expect(await prisma().application.count({ where: { userId: me.user.id } })).toBe(0);
    expect(await prisma().outbox.count({ where: { payload: { path: ['userId'], equals: me.user.id } } })).toBe(0);
    expect(await usage(me.user.id)).toEqual({ today: 0, month: 0, server: 0 });
    expect((await swipe(me.api, job!.id)).status).toBe(201);
  });

  it('in one batch, a swipe that fails undoes only its own writes: the others commit, each with its own answer', async () => {
    const me = await signUp(backend.api);
    const [a, b, c] = await createJobs(prisma(), 3);
    const [closed] = await createJobs(prisma(), 1, { closedAt: new Date() });
    const call = (job: string, key: string | null) => ({
      user: me.user.id,
      job,
      direction: 'right',
      key,
      hash: key && `hash-of-${job}`,
      attention: null,
      formDigest: null,
      applicantDigest: null,
    });
    const { config } = backend.node.ctx;
    const { rows } = await backend.node.ctx.db.pool.query<{
      results: Array<{ status?: number; error?: { code: string } }>;
    }>('select swipe_batch($1, $2, $3, $4) as results', [
      // The second and fourth use one key: the fourth is another request under it, refused.
      JSON.stringify([
        call(a!.id, null),
        call(b!.id, 'batch-key-1'),
        call(closed!.id, null),
        call(c!.id, 'batch-key-1'),
      ]),
      config.MAX_ATTEMPTS,
      config.UNDO_GRACE_MS,
      config.SWIPE_RATE_LIMIT,
    ]);
    expect(rows[0]!.results.map((r) => r.status ?? r.error?.code)).toEqual([201, 201, 'JS409', 'JS422']);
    const swipes = await prisma().swipe.findMany({ where: { userId: me.user.id } });
    expect(swipes.map((s) => s.jobId).sort()).toEqual([a!.id, b!.id].sort());
    expect(await prisma().application.count({ where: { userId: me.user.id } })).toBe(2);
    expect(await usage(me.user.id)).toMatchObject({ today: 2, month: 2 });
  });
});

describe('undo', () => {
  // Undo in the grace period, and refused after it, is in undo-grace.test.ts.
  it('undoes a swipe deferred by the daily limit, which no executor was offered, and gives nothing back twice', async () => {
    const me = await signUp(backend.api);
    const jobs = await createJobs(prisma(), 4);
    for (const job of jobs) await swipe(me.api, job.id);
    const deferred = await prisma().application.findFirstOrThrow({
      where: { userId: me.user.id, status: 'SCHEDULED' },
    });
    const undo = await me.api.delete<{ cancelledApplicationId: string }>(`/v1/swipes/${deferred.jobId}`);
    expect(undo.status).toBe(200);
    expect(undo.body.cancelledApplicationId).toBe(deferred.id);
    expect((await prisma().application.findUniqueOrThrow({ where: { id: deferred.id } })).status).toBe('CANCELLED');
    expect(await usage(me.user.id)).toEqual({ today: 3, month: 3, server: 3 });
    expect((await swipe(me.api, deferred.jobId)).status).toBe(201);
  });

  it('answers 404 for a job the user never swiped', async () => {
    const me = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1);
    expect((await me.api.delete(`/v1/swipes/${job!.id}`)).status).toBe(404);
  });
});

describe('bad input', () => {
  it('explains what is wrong with a swipe and changes nothing', async () => {
    const me = await signUp(backend.api);
    const cases: unknown[] = [
      {},
      { jobId: 'nope', direction: 'right' },
      { jobId: '00000000-0000-4000-8000-000000000000', direction: 'up' },
      { jobId: '00000000-0000-4000-8000-000000000000', direction: 'right', idempotencyKey: 'has spaces!' },
      [1, 2, 3],
    ];
    for (const body of cases) {
      const res = await me.api.post<ErrorBody>('/v1/swipes', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await me.api.delete<ErrorBody>('/v1/swipes/not-a-uuid')).status).toBe(400);
    expect(await prisma().swipe.count({ where: { userId: me.user.id } })).toBe(0);
  });

  it('needs a signed-in user', async () => {
    expect(
      (await backend.api.post('/v1/swipes', { jobId: '00000000-0000-4000-8000-000000000000', direction: 'right' }))
        .status,
    ).toBe(401);
  });
});
