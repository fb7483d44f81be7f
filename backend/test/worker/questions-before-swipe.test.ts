// A form's questions known before the swipe, end to end: jobs imported from the practice ATS's
// Greenhouse board API carry their questions; the deck says which required ones a user still
// owes (the engine's answer policy); a swipe carrying the answers goes straight through the
// server worker to SUBMITTED with no NEEDS_ATTENTION, and one without them waits in
// NEEDS_ATTENTION (quota reserved, nothing delivered) until they are answered.
import { launchBrowser } from '@jobswipe/automations/runner/browser';
import { type PracticeAts, startPracticeAts } from '@jobswipe/practice-ats';
import type { ApplicationDetail, DeckCard, DeckPage, Question, SwipeResponse } from '@jobswipe/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressCheck } from '../../src/egress/address-check.ts';
import { fetchBoard } from '../../src/jobs/import/board-source.ts';
import { saveJobs } from '../../src/jobs/import/save-jobs.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { applicant, practicePostings, startTestWorker, type TestWorker } from '../support/server-lane.ts';

/** A practice Greenhouse posting that asks a custom question the engine's applicant has no answer to. */
const POSTING = '4012345';
const ESSAY = 'why do you want to work at northwind robotics';

let browser: Browser;
let backend: TestBackend;
let ats: PracticeAts;
let worker: TestWorker | null = null;

beforeAll(async () => {
  [browser, backend, ats] = await Promise.all([
    launchBrowser().then((b) => b.browser),
    startTestBackend({ SWIPE_RATE_LIMIT: '100000', UNDO_GRACE_MS: '0' }),
    startPracticeAts(),
  ]);
  const jobs = await fetchBoard(
    { kind: 'greenhouse', board: 'northwind', baseUrl: `${ats.url}/api/greenhouse` },
    new AddressCheck({ allow: new URL(ats.url).host }),
  );
  await saveJobs(backend.node.ctx.db, jobs);
});
afterAll(async () => {
  await worker?.stop();
  await ats?.close();
  await backend?.close();
  await browser?.close();
});

const prisma = () => backend.node.ctx.db.prisma;

async function card(user: Awaited<ReturnType<typeof applicant>>, externalId: string): Promise<DeckCard> {
  const job = await prisma().job.findFirstOrThrow({ where: { source: 'greenhouse', externalId } });
  const res = await user.api.get<DeckCard>(`/v1/jobs/${job.id}`);
  expect(res.status).toBe(200);
  return res.body;
}

function owed(c: DeckCard): Question[] {
  if (!c.questions.checked) throw new Error(`questions of ${c.title} not checked`);
  return c.questions.owed;
}

/** An answer each question takes: its first option, or words. */
const answerTo = (q: Question) => ({
  question: q.label,
  answer: q.type === 'yes_no' ? 'Yes' : q.options?.length ? q.options[0]! : 'I build robots that help people.',
});

describe('questions known before the swipe', () => {
  it('says on each card what the user still owes, by the same policy the engine fills with', async () => {
    const user = await applicant(backend);
    const deck = await user.api.get<DeckPage>('/v1/jobs/deck?limit=50');
    expect(deck.status).toBe(200);
    const imported = deck.body.items.filter((c) => c.atsKind === 'greenhouse');
    expect(imported.length).toBeGreaterThan(0);
    for (const c of imported) expect(c.questions.checked, c.title).toBe(true);

    const essay = owed(await card(user, POSTING));
    // The profile answers name, email, phone, resume, location and work authorization; the essay is the user's.
    expect(essay.map((q) => q.key)).toContain(ESSAY);
    expect(essay.map((q) => q.key)).not.toEqual(expect.arrayContaining(['first name', 'email', 'resume cv']));
    for (const q of essay) expect(q.required).toBe(true);

    // A saved answer (any phrasing normalizing the same) pays the debt.
    await user.api.put('/v1/profile/answers', {
      answers: [{ question: 'Why do you want to work at Northwind Robotics?', answer: 'Robots.' }],
    });
    expect(owed(await card(user, POSTING)).map((q) => q.key)).not.toContain(ESSAY);

    // A job whose form was never read says so, and can still be swiped.
    const unread = await prisma().job.create({
      data: {
        source: 'test-unread',
        externalId: 'u1',
        company: 'Unread',
        title: 'Engineer',
        applyUrl: 'https://jobs.example.com/u1',
        atsKind: 'lever',
      },
    });
    const res = await user.api.get<DeckCard>(`/v1/jobs/${unread.id}`);
    expect(res.body.questions).toEqual({ checked: false });
  });

  it('refuses an answer the question cannot take, and saves nothing', async () => {
    const user = await applicant(backend);
    const job = await prisma().job.findFirstOrThrow({
      where: { source: 'greenhouse', externalId: POSTING },
      include: { form: true },
    });
    const choice = ((job.form?.questions ?? []) as Question[]).find((q) => q.type === 'yes_no');
    if (!choice) throw new Error(`${POSTING} has no yes/no question`);
    const res = await user.api.post('/v1/swipes', {
      jobId: job.id,
      direction: 'right',
      answers: [{ question: choice.label, answer: 'Maybe' }],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('takes Yes or No');
    expect(await prisma().swipe.count({ where: { userId: user.user.id, jobId: job.id } })).toBe(0);
    expect(await prisma().savedAnswer.count({ where: { userId: user.user.id, questionKey: choice.key } })).toBe(0);
  });

  it('applies at once when the swipe carries the answers; waits in NEEDS_ATTENTION with the questions when not, until answered', {
    timeout: 120_000,
  }, async () => {
    const job = await prisma().job.findFirstOrThrow({ where: { source: 'greenhouse', externalId: POSTING } });
    const answering = await applicant(backend);
    const questions = owed(await card(answering, POSTING));
    expect(questions.length).toBeGreaterThan(0);
    const answered = await answering.api.post<SwipeResponse>('/v1/swipes', {
      jobId: job.id,
      direction: 'right',
      answers: questions.map(answerTo),
    });
    expect(answered.status).toBe(201);
    expect(answered.body.application?.status).toBe('QUEUED');
    // Saved like any saved answer: the card owes nothing now.
    expect(owed(await card(answering, POSTING))).toEqual([]);

    const silent = await applicant(backend);
    const usageBefore = await silent.api.get<{ usage: { totalThisMonth: number } }>('/v1/plan');
    const waiting = await silent.api.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    expect(waiting.status).toBe(201);
    expect(waiting.body.application).toMatchObject({ status: 'NEEDS_ATTENTION', errorClass: 'needs_user' });
    expect(waiting.body.application?.attention?.map((q) => q.key)).toEqual(questions.map((q) => q.key));
    // Quota reserved like any right-swipe; nothing delivered while it waits.
    const usageAfter = await silent.api.get<{ usage: { totalThisMonth: number } }>('/v1/plan');
    expect(usageAfter.body.usage.totalThisMonth).toBe(usageBefore.body.usage.totalThisMonth + 1);
    const waitingId = waiting.body.application!.id;
    expect(await prisma().outbox.count({ where: { payload: { path: ['applicationId'], equals: waitingId } } })).toBe(0);

    worker = await startTestWorker(backend, browser, {}, { concurrency: 1 });
    const answeredId = answered.body.application!.id;
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id: answeredId } })).status, {
        timeout: 90_000,
      })
      .toBe('SUBMITTED');
    const statuses = await prisma().applicationEvent.findMany({ where: { applicationId: answeredId, type: 'status' } });
    expect(statuses.map((e) => e.toStatus)).not.toContain('NEEDS_ATTENTION');
    const submission = ats.submissions.list({ jobId: POSTING }).at(-1);
    expect(JSON.stringify(submission)).toContain(answerTo(questions.find((q) => q.key === ESSAY)!).answer);
    // The silent one was never offered to the worker.
    expect((await prisma().application.findUniqueOrThrow({ where: { id: waitingId } })).status).toBe('NEEDS_ATTENTION');

    // The existing attention-answer path releases it.
    const reply = await silent.api.post<ApplicationDetail>(`/v1/applications/${waitingId}/answer`, {
      answers: questions.map(answerTo),
    });
    expect(reply.status).toBe(200);
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id: waitingId } })).status, {
        timeout: 90_000,
      })
      .toBe('SUBMITTED');
  });

  it('undoes a swipe that waits for its questions (no executor ever had it), and gives back its quota', async () => {
    const job = await prisma().job.findFirstOrThrow({ where: { source: 'greenhouse', externalId: POSTING } });
    const user = await applicant(backend);
    const plan = () => user.api.get<{ usage: { totalThisMonth: number } }>('/v1/plan');
    const before = (await plan()).body.usage.totalThisMonth;
    const waiting = await user.api.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    expect(waiting.body.application?.status).toBe('NEEDS_ATTENTION');
    expect((await plan()).body.usage.totalThisMonth).toBe(before + 1);
    const undone = await user.api.request('DELETE', `/v1/swipes/${job.id}`);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ cancelledApplicationId: waiting.body.application!.id });
    expect((await plan()).body.usage.totalThisMonth).toBe(before);
  });

  it("learns the questions a form asked during the first application, for every later user's card", {
    timeout: 120_000,
  }, async () => {
    // The same posting, as a job whose form was never read (no board API, no scan yet).
    const [posted] = await practicePostings(prisma(), ats, [POSTING]);
    const job = posted!.job;
    const first = await applicant(backend);
    expect((await first.api.get<DeckCard>(`/v1/jobs/${job.id}`)).body.questions).toEqual({ checked: false });
    const swiped = await first.api.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    expect(swiped.body.application?.status).toBe('QUEUED');
    worker ??= await startTestWorker(backend, browser, {}, { concurrency: 1 });
    const id = swiped.body.application!.id;
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status, { timeout: 90_000 })
      .toBe('NEEDS_ATTENTION');

    const later = await applicant(backend);
    const learned = (await later.api.get<DeckCard>(`/v1/jobs/${job.id}`)).body.questions;
    expect(learned).toMatchObject({ checked: true, complete: false });
    expect(owed((await later.api.get<DeckCard>(`/v1/jobs/${job.id}`)).body).map((q) => q.key)).toContain(ESSAY);
    const form = await prisma().jobForm.findUniqueOrThrow({ where: { jobId: job.id } });
    expect(form.source).toBe('application');
  });
});
