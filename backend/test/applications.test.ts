import type { Application } from '@jobswipe/db';
import type { ApplicationDetail, ApplicationSummary, ErrorBody, Question, SwipeResponse } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransitionRequest } from '../src/applications/transition.ts';
import { VERIFY_QUESTION } from '../src/applications/verify-question.ts';
import { AppError } from '../src/http/errors.ts';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';
import { changeStatus, claimAs } from './support/transitions.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000' });
});
afterAll(() => backend.close());

async function applyTo(api: Api): Promise<ApplicationSummary> {
  const [job] = await createJobs(prisma(), 1);
  const res = await api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  return res.body.application!;
}

const change = (req: TransitionRequest) => changeStatus(backend.node.ctx, req);

/** An application of the caller's whose attempt ended in NEEDS_ATTENTION, asking `questions`. */
async function waitingOn(api: Api, questions: Question[], options: { afterFinalSubmit?: boolean } = {}) {
  const app = await applyTo(api);
  const lease = await claim(app.id);
  if (options.afterFinalSubmit) {
    await prisma().application.update({ where: { id: app.id }, data: { submittingAt: new Date() } });
  }
  await change({
    applicationId: app.id,
    name: 'fail',
    to: 'NEEDS_ATTENTION',
    actor: 'device:a',
    lease: { token: lease.leaseToken, holder: 'device:a' },
    changes: { attention: questions, error: { message: 'Only the user can answer', errorClass: 'needs_user' } },
  });
  return app;
}
const claim = (id: string, owner?: string) => claimAs(backend.node.ctx, id, owner);

describe('the guarded status change', () => {
  it('lets exactly one of many concurrent claims win, each with a new fencing token', async () => {
    const me = await signUp(backend.api);
    const app = await applyTo(me.api);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => claim(app.id, `device:${i}`)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<Application>).value.leaseToken).toBe(1n);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'invalid_transition' });
    }
  });

  it('refuses a stale lease token and changes nothing', async () => {
    const me = await signUp(backend.api);
    const app = await applyTo(me.api);
    const claimed = await claim(app.id);
    const before = await prisma().application.findUniqueOrThrow({ where: { id: app.id } });
    const eventsBefore = await prisma().applicationEvent.count({ where: { applicationId: app.id } });
    const stale = change({
      applicationId: app.id,
      name: 'submit',
      to: 'SUBMITTED',
      actor: 'device:a',
      lease: { token: claimed.leaseToken - 1n, holder: 'device:a' },
    });
    await expect(stale).rejects.toMatchObject({ code: 'stale_lease' });
    expect(await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).toEqual(before);
    expect(await prisma().applicationEvent.count({ where: { applicationId: app.id } })).toBe(eventsBefore);
    const ok = await change({
      applicationId: app.id,
      name: 'submit',
      to: 'SUBMITTED',
      actor: 'device:a',
      lease: { token: claimed.leaseToken, holder: 'device:a' },
    });
    expect(ok).toMatchObject({ status: 'SUBMITTED', leaseOwner: null, leaseExpiresAt: null });
    expect(ok.finishedAt).toBeInstanceOf(Date);
  });

  it('refuses a transition the table does not allow', async () => {
    const me = await signUp(backend.api);
    const app = await applyTo(me.api);
    await expect(
      change({ applicationId: app.id, name: 'requeue', to: 'QUEUED', actor: 'user:x' }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      change({ applicationId: app.id, name: 'submit', to: 'QUEUED', actor: 'x', lease: { token: 0n, holder: 'x' } }),
    ).rejects.toThrow(/cannot lead to/);
  });
});

describe('GET /v1/applications', () => {
  it('lists the caller applications newest first, filtered by status, page by page without gaps', async () => {
    const me = await signUp(backend.api);
    await prisma().user.update({ where: { id: me.user.id }, data: { planId: 'enterprise' } });
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await applyTo(me.api)).id);
    await claim(created[0]!);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: ApplicationSummary[]; nextCursor: string | null } } =
        await me.api.get(`/v1/applications?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    const queued = await me.api.get<{ items: ApplicationSummary[] }>('/v1/applications?status=CLAIMED');
    expect(queued.body.items.map((i) => i.id)).toEqual([created[0]]);
    expect((await me.api.get<ErrorBody>('/v1/applications?status=BOGUS')).status).toBe(400);
    expect((await me.api.get<ErrorBody>('/v1/applications?cursor=garbage')).status).toBe(400);
  });

  it('shows one application with its snapshot and event timeline', async () => {
    const me = await signUp(backend.api);
    const app = await applyTo(me.api);
    const res = await me.api.get<ApplicationDetail>(`/v1/applications/${app.id}`);
    expect(res.status).toBe(200);
    expect(res.body.snapshot).toMatchObject({ id: app.jobId });
    expect(res.body.events.map((e) => e.toStatus)).toEqual(['QUEUED']);
    expect(res.body.job.title).toMatch(/Engineer/);
  });

  it("answers 404 for another user's application on every route", async () => {
    const owner = await signUp(backend.api);
    const other = await signUp(backend.api);
    const app = await applyTo(owner.api);
    const attempts = [
      other.api.get(`/v1/applications/${app.id}`),
      other.api.post(`/v1/applications/${app.id}/cancel`),
      other.api.post(`/v1/applications/${app.id}/retry`),
      other.api.post(`/v1/applications/${app.id}/answer`, { answers: [{ question: 'q', answer: 'a' }] }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(404);
    expect((await other.api.get<{ items: unknown[] }>('/v1/applications')).body.items).toEqual([]);
    expect((await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('QUEUED');
  });
});

describe('user actions', () => {
  it('cancel: a queued application is cancelled and its quota given back', async () => {
    const me = await signUp(backend.api);
    const app = await applyTo(me.api);
    const res = await me.api.post<ApplicationSummary>(`/v1/applications/${app.id}/cancel`);
    expect(res.body.status).toBe('CANCELLED');
    const counters = await prisma().usageCounter.findMany({ where: { userId: me.user.id } });
    expect(counters.every((c) => c.totalUsed === 0 && c.serverUsed === 0)).toBe(true);
    expect((await me.api.post<ErrorBody>(`/v1/applications/${app.id}/cancel`)).status).toBe(409);
  });

  it('cancel while an executor holds it fences the executor out, but not once it is submitting', async () => {
    const me = await signUp(backend.api);
    const held = await applyTo(me.api);
    const lease = await claim(held.id);
    expect((await me.api.post<ApplicationSummary>(`/v1/applications/${held.id}/cancel`)).body.status).toBe('CANCELLED');
    await expect(
      change({
        applicationId: held.id,
        name: 'submit',
        to: 'SUBMITTED',
        actor: 'device:a',
        lease: { token: lease.leaseToken, holder: 'device:a' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });

    const submitting = await applyTo(me.api);
    await claim(submitting.id);
    await prisma().application.update({
      where: { id: submitting.id },
      data: { status: 'RUNNING', progressStep: 'submitting' },
    });
    const refused = await me.api.post<ErrorBody>(`/v1/applications/${submitting.id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/being submitted/);
  });

  it('retry: a DEAD application is queued again with fresh attempts', async () => {
    const me = await signUp(backend.api);
    const app = await applyTo(me.api);
    const lease = await claim(app.id);
    await change({
      applicationId: app.id,
      name: 'fail',
      to: 'DEAD',
      actor: 'device:a',
      lease: { token: lease.leaseToken, holder: 'device:a' },
      changes: { attempt: 'next', error: { message: 'timed out', errorClass: 'retryable' } },
    });
    const res = await me.api.post<ApplicationSummary>(`/v1/applications/${app.id}/retry`);
    expect(res.body).toMatchObject({ status: 'QUEUED', attempt: 0, lastError: null });
    expect(await prisma().outbox.count({ where: { payload: { path: ['applicationId'], equals: app.id } } })).toBe(2);
    expect((await me.api.post<ErrorBody>(`/v1/applications/${app.id}/retry`)).status).toBe(409);
  });

  it('answer: saves the answers to the profile and queues the application again', async () => {
    const me = await signUp(backend.api);
    const app = await waitingOn(me.api, [
      { key: 'why do you want to work here', label: 'Why do you want to work here?', type: 'textarea', required: true },
      { key: 'favourite colour', label: 'Favourite colour', type: 'text', required: false },
    ]);
    const listed = await me.api.get<ApplicationSummary>(`/v1/applications/${app.id}`);
    expect(listed.body.attention).toHaveLength(2);

    const missing = await me.api.post<ErrorBody>(`/v1/applications/${app.id}/answer`, {
      answers: [{ question: 'Favourite colour', answer: 'green' }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/Why do you want to work here/);

    const res = await me.api.post<ApplicationSummary>(`/v1/applications/${app.id}/answer`, {
      answers: [{ question: 'Why do you want to work here?', answer: 'The mission.' }],
    });
    expect(res.body).toMatchObject({ status: 'QUEUED', attention: null });
    const saved = await prisma().savedAnswer.findMany({ where: { userId: me.user.id } });
    expect(saved).toMatchObject([{ questionKey: 'why do you want to work here', answer: 'The mission.' }]);
  });
});

describe('questions keep their type and options', () => {
  const relocate: Question = {
    key: 'are you willing to relocate',
    label: 'Are you willing to relocate?',
    type: 'yes_no',
    options: ['Yes', 'No'],
    required: true,
  };
  const source: Question = {
    key: 'where did you first learn about this opening',
    label: 'Where did you first learn about this opening?',
    type: 'select',
    options: ['LinkedIn', 'Job board', 'Referral'],
    required: true,
  };

  it('refuses an answer the form cannot take, says what it offers, and saves nothing', async () => {
    const me = await signUp(backend.api);
    const app = await waitingOn(me.api, [relocate, source]);
    const listed = await me.api.get<ApplicationSummary>(`/v1/applications/${app.id}`);
    expect(listed.body.attention).toEqual([relocate, source]);

    const wrong = await me.api.post<ErrorBody>(`/v1/applications/${app.id}/answer`, {
      answers: [
        { question: relocate.label, answer: 'Maybe, it depends' },
        { question: source.label, answer: 'A friend' },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/takes Yes or No/);
    expect(wrong.body.error.message).toMatch(/"LinkedIn", "Job board", "Referral"; "A friend" is not one of them/);
    expect(await prisma().savedAnswer.count({ where: { userId: me.user.id } })).toBe(0);
    expect((await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('NEEDS_ATTENTION');

    const right = await me.api.post<ApplicationSummary>(`/v1/applications/${app.id}/answer`, {
      answers: [
        { question: relocate.label, answer: false },
        { question: source.label, answer: 'Job board' },
      ],
    });
    expect(right.body.status).toBe('QUEUED');
  });
});

describe('an attempt lost after its final submit', () => {
  const waitingOnVerify = (api: Api) => waitingOn(api, [VERIFY_QUESTION], { afterFinalSubmit: true });

  it('yes: the user confirms it went through, and it is SUBMITTED without applying again', async () => {
    const me = await signUp(backend.api);
    const app = await waitingOnVerify(me.api);
    const res = await me.api.post<ApplicationSummary>(`/v1/applications/${app.id}/answer`, {
      answers: [{ question: VERIFY_QUESTION.label, answer: 'Yes' }],
    });
    expect(res.body).toMatchObject({ status: 'SUBMITTED', confirmation: 'Confirmed by you' });
    expect(await prisma().savedAnswer.count({ where: { userId: me.user.id } })).toBe(0);
    expect(await prisma().outbox.count({ where: { payload: { path: ['applicationId'], equals: app.id } } })).toBe(1);
  });

  it('no: the checkpoint is cleared and a fresh attempt is queued', async () => {
    const me = await signUp(backend.api);
    const app = await waitingOnVerify(me.api);
    const vague = await me.api.post<ErrorBody>(`/v1/applications/${app.id}/answer`, {
      answers: [{ question: VERIFY_QUESTION.label, answer: 'maybe' }],
    });
    expect(vague.status).toBe(400);
    const res = await me.api.post<ApplicationSummary>(`/v1/applications/${app.id}/answer`, {
      answers: [{ question: VERIFY_QUESTION.label, answer: 'No' }],
    });
    expect(res.body.status).toBe('QUEUED');
    expect((await prisma().application.findUniqueOrThrow({ where: { id: app.id } })).submittingAt).toBeNull();
  });
});
