// The server worker's model fallback: with LLM_BASE_URL / LLM_MODEL set (the scripted
// OpenAI-compatible stand-in on loopback), a practice form's essay question the profile and saved
// answers leave open is drafted by the model and filled through Stagehand's act() over CDP, the
// application is SUBMITTED without asking the user, the answer is recorded as the model's, and no
// prompt carries the applicant's personal or sensitive data. How to operate the essay's widget is
// learned once for the form template and shared: another user of it costs a draft (their own) and
// no model call to operate it; the same user's same question later costs no call at all. A user
// whose plan allows one model call gets one model answer; their next open question is asked of them.
// "Review drafted answers before submitting": with the setting on, the form is filled and left
// unsubmitted, the application waits in NEEDS_ATTENTION with the essay as a question carrying the
// draft; kept, it goes through as the user's own answer with no second model call. Off: at once.

import { randomUUID } from 'node:crypto';
import { launchBrowser } from '@jobswipe/automations/runner/browser';
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import { type PracticeAts, startPracticeAts } from '@jobswipe/practice-ats';
import type { ApplicationDetail, ApplicationStatus, UsageView } from '@jobswipe/protocol';
import { ScriptedModel } from '@jobswipe/testkit/scripted-model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { applicant, practicePostings, startTestWorker, swipeAll, type TestWorker } from '../support/server-lane.ts';

/** A practice posting whose one open required question is a non-sensitive essay. */
const POSTING = '4012345';
const ESSAY = 'Why do you want to work at Northwind Robotics?';
const DRAFT = 'Your robots solve problems I have worked on for years.';
/** Another employer's posting whose open question is another essay. */
const LUMEN_POSTING = '5123003';
const LUMEN_ESSAY = 'Why do you want to work at Lumen Labs?';

const model = new ScriptedModel({ [ESSAY]: DRAFT, [LUMEN_ESSAY]: 'Your clinics are where I want my work to land.' });
let browser: Browser;
let cdpUrl: string;
let backend: TestBackend;
let ats: PracticeAts;
let worker: TestWorker | null = null;

beforeAll(async () => {
  await model.start();
  const launched = await launchBrowser({ withCdp: true });
  browser = launched.browser;
  cdpUrl = launched.cdpUrl!;
  [backend, ats] = await Promise.all([
    startTestBackend({ SWIPE_RATE_LIMIT: '100000', UNDO_GRACE_MS: '0' }),
    startPracticeAts(),
  ]);
});
afterAll(async () => {
  await worker?.stop();
  await ats?.close();
  await backend?.close();
  await browser?.close();
  await model.close();
});

async function settled(prisma: TestBackend['node']['ctx']['db']['prisma'], id: string, status: ApplicationStatus) {
  await expect
    .poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id } })).status, { timeout: 100_000 })
    .toBe(status);
}

describe('the server worker with a model', () => {
  it('drafts a non-sensitive essay through the model and submits, telling it nothing personal; widget actions are shared, drafts are not', {
    timeout: 240_000,
  }, async () => {
    const prisma = backend.node.ctx.db.prisma;
    const user = await applicant(backend);
    const [posted] = await practicePostings(prisma, ats, [POSTING]);
    const [id] = await swipeAll(user, [posted!]);
    worker = await startTestWorker(
      backend,
      browser,
      { LLM_BASE_URL: model.url, LLM_MODEL: 'scripted', LLM_API_KEY: 'sk-scripted-0123456789' },
      { concurrency: 1, cdpUrl },
    );
    await settled(prisma, id!, 'SUBMITTED');

    const detail = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(detail.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
    expect(JSON.stringify(ats.submissions.list({ jobId: POSTING }).at(-1))).toContain(DRAFT);
    // One call drafted the essay, one planned how to fill its field; both charged to the user.
    expect(model.calls()).toEqual({ draft: 1, widget: 1 });
    const plan = await user.api.get<UsageView>('/v1/plan');
    expect(plan.body.usage.modelCallsThisMonth).toBe(2);
    const sent = model.prompts();
    // The page's questions and options reach the model (Stagehand reads the page); nothing the
    // applicant would type does, nor a sensitive answer, nor the key: the model is asked first.
    const typed = [PROFILE.email, PROFILE.phone, PROFILE.lastName, String(PROFILE.salaryExpectation?.amount ?? '')];
    for (const secret of [...typed.filter(Boolean), 'sk-scripted-0123456789'])
      expect(sent, secret).not.toContain(secret);

    // Another user of the same template: their own draft, no call to operate the widget.
    const other = await applicant(backend);
    const [theirs] = await swipeAll(other, await practicePostings(prisma, ats, [POSTING]));
    await settled(prisma, theirs!, 'SUBMITTED');
    expect(model.calls()).toEqual({ draft: 2, widget: 1 });
    expect((await other.api.get<UsageView>('/v1/plan')).body.usage.modelCallsThisMonth).toBe(1);

    // The first user's same question again: the draft is theirs already, the action is known.
    const [again] = await swipeAll(user, await practicePostings(prisma, ats, [POSTING]));
    await settled(prisma, again!, 'SUBMITTED');
    expect(model.calls()).toEqual({ draft: 2, widget: 1 });
    const reused = await user.api.get<ApplicationDetail>(`/v1/applications/${again}`);
    expect(reused.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
  });

  it('past the plan’s model calls, the next open question is asked of the user', { timeout: 200_000 }, async () => {
    const prisma = backend.node.ctx.db.prisma;
    await prisma.plan.create({ data: { id: 'one-model-call', name: 'One model call', modelCallsPerMonth: 1 } });
    const user = await applicant(backend);
    await prisma.user.update({ where: { id: user.user.id }, data: { planId: 'one-model-call' } });
    const calls = model.calls();
    // The one call drafts the essay (operating its widget is known already from the first test).
    const [first] = await swipeAll(user, await practicePostings(prisma, ats, [POSTING]));
    await settled(prisma, first!, 'SUBMITTED');
    expect(model.calls()).toEqual({ draft: calls.draft + 1, widget: calls.widget });

    const [second] = await swipeAll(user, await practicePostings(prisma, ats, [LUMEN_POSTING]));
    await settled(prisma, second!, 'NEEDS_ATTENTION');
    const waiting = await user.api.get<ApplicationDetail>(`/v1/applications/${second}`);
    expect(waiting.body.attention?.map((q) => q.label)).toEqual([LUMEN_ESSAY]);
    expect(model.calls()).toEqual({ draft: calls.draft + 1, widget: calls.widget });
    const plan = await user.api.get<UsageView>('/v1/plan');
    expect(plan.body.plan.modelCallsPerMonth).toBe(1);
    expect(plan.body.usage.modelCallsThisMonth).toBe(1);
  });
});

/**
 * An applicant with an email of their own (the practice ATS answers "already applied" to the same
 * email twice), and what the practice ATS received from them for the essay posting.
 */
async function applicantWithOwnEmail() {
  const user = await applicant(backend);
  const email = `${randomUUID()}@example.org`;
  expect((await user.api.put('/v1/profile', { email })).status).toBe(200);
  return { user, submitted: () => ats.submissions.list({ jobId: POSTING, email }) };
}

describe('review drafted answers before submitting', () => {
  it('on: the run stops before the submit with the draft as a question; kept, it goes through as the user’s answer with no new model call', {
    timeout: 240_000,
  }, async () => {
    const prisma = backend.node.ctx.db.prisma;
    const { user, submitted } = await applicantWithOwnEmail();
    expect((await user.api.put<UsageView>('/v1/settings', { reviewDrafts: true })).body.reviewDrafts).toBe(true);
    const drafts = model.calls().draft;
    const [id] = await swipeAll(user, await practicePostings(prisma, ats, [POSTING]));
    await settled(prisma, id!, 'NEEDS_ATTENTION');

    const waiting = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(waiting.body.attention).toEqual([
      expect.objectContaining({ label: ESSAY, draft: DRAFT, required: true, type: 'textarea' }),
    ]);
    expect(waiting.body.lastError).toMatch(/Nothing was submitted: review the answer the model drafted/);
    // Filled and left: the employer received nothing, and no one ever reached the final submit.
    expect(submitted()).toEqual([]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: id! } })).submittingAt).toBeNull();
    // The user's own draft of the essay: one model call.
    expect(model.calls().draft).toBe(drafts + 1);
    const calls = model.calls();

    // The user keeps the draft as it is.
    const answered = await user.api.post(`/v1/applications/${id}/answer`, {
      answers: [{ question: ESSAY, answer: DRAFT }],
    });
    expect(answered.status).toBe(200);
    await settled(prisma, id!, 'SUBMITTED');
    expect(submitted()).toHaveLength(1);
    expect(JSON.stringify(submitted().at(-1))).toContain(DRAFT);
    const done = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    // Recorded as the user's saved answer now, not the model's; the model was not asked again.
    expect(done.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'answer' }));
    expect(done.body.filled.filter((f) => f.source === 'ai')).toEqual([]);
    expect(model.calls()).toEqual(calls);
  });

  it('off: the same form is submitted at once with the model’s answer', { timeout: 200_000 }, async () => {
    const prisma = backend.node.ctx.db.prisma;
    const { user, submitted } = await applicantWithOwnEmail();
    expect((await user.api.get<UsageView>('/v1/plan')).body.reviewDrafts).toBe(false);
    const [id] = await swipeAll(user, await practicePostings(prisma, ats, [POSTING]));
    await settled(prisma, id!, 'SUBMITTED');
    const detail = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(detail.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
    expect(detail.body.attention).toBeNull();
    expect(JSON.stringify(submitted())).toContain(DRAFT);
    const events = await prisma.applicationEvent.findMany({ where: { applicationId: id! } });
    expect(events.map((e) => e.toStatus)).not.toContain('NEEDS_ATTENTION');
  });
});
