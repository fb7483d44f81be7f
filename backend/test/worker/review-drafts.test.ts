// "Review drafted answers before submitting", through the server worker with the model stand-in
// (the scripted OpenAI-compatible server on loopback). With the setting on, a form whose essay the
// model drafted is filled and left unsubmitted: the application waits in NEEDS_ATTENTION with the
// essay as a question carrying the draft. The user keeps the draft; the application then goes
// through with it as the user's own answer, with no second model call. With the setting off, the
// same form is submitted at once with the model's answer.

import { launchBrowser } from '@jobswipe/automations/runner/browser';
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

const model = new ScriptedModel({ [ESSAY]: DRAFT });
let browser: Browser;
let backend: TestBackend;
let ats: PracticeAts;
let worker: TestWorker;

beforeAll(async () => {
  await model.start();
  const launched = await launchBrowser({ withCdp: true });
  browser = launched.browser;
  [backend, ats] = await Promise.all([
    startTestBackend({ SWIPE_RATE_LIMIT: '100000', UNDO_GRACE_MS: '0' }),
    startPracticeAts(),
  ]);
  worker = await startTestWorker(
    backend,
    browser,
    { LLM_BASE_URL: model.url, LLM_MODEL: 'scripted', LLM_API_KEY: 'sk-scripted-0123456789' },
    { concurrency: 1, cdpUrl: launched.cdpUrl! },
  );
});
afterAll(async () => {
  await worker?.stop();
  await ats?.close();
  await backend?.close();
  await browser?.close();
  await model.close();
});

const prisma = () => backend.node.ctx.db.prisma;

async function settled(id: string, status: ApplicationStatus) {
  await expect
    .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status, { timeout: 100_000 })
    .toBe(status);
}

/** What the practice ATS received for the posting. */
const submitted = () => ats.submissions.list({ jobId: POSTING });

describe('review drafted answers before submitting', () => {
  it('on: the run stops before the submit with the draft as a question; kept, it goes through as the user’s answer with no new model call', {
    timeout: 240_000,
  }, async () => {
    const user = await applicant(backend);
    expect((await user.api.put<UsageView>('/v1/settings', { reviewDrafts: true })).body.reviewDrafts).toBe(true);
    const before = submitted().length;
    const [id] = await swipeAll(user, await practicePostings(prisma(), ats, [POSTING]));
    await settled(id!, 'NEEDS_ATTENTION');

    const waiting = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(waiting.body.attention).toEqual([
      expect.objectContaining({ label: ESSAY, draft: DRAFT, required: true, type: 'textarea' }),
    ]);
    expect(waiting.body.lastError).toMatch(/Nothing was submitted: review the answer the model drafted/);
    // Filled and left: the employer received nothing, and no one ever reached the final submit.
    expect(submitted()).toHaveLength(before);
    expect((await prisma().application.findUniqueOrThrow({ where: { id: id! } })).submittingAt).toBeNull();
    const calls = model.calls();
    expect(calls.draft).toBe(1);

    // The user keeps the draft as it is.
    const answered = await user.api.post(`/v1/applications/${id}/answer`, {
      answers: [{ question: ESSAY, answer: DRAFT }],
    });
    expect(answered.status).toBe(200);
    await settled(id!, 'SUBMITTED');
    expect(submitted()).toHaveLength(before + 1);
    expect(JSON.stringify(submitted().at(-1))).toContain(DRAFT);
    const done = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    // Recorded as the user's saved answer now, not the model's; the model was not asked again.
    expect(done.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'answer' }));
    expect(done.body.filled.filter((f) => f.source === 'ai')).toEqual([]);
    expect(model.calls()).toEqual(calls);
  });

  it('off: the same form is submitted at once with the model’s answer', { timeout: 200_000 }, async () => {
    const user = await applicant(backend);
    expect((await user.api.get<UsageView>('/v1/plan')).body.reviewDrafts).toBe(false);
    const [id] = await swipeAll(user, await practicePostings(prisma(), ats, [POSTING]));
    await settled(id!, 'SUBMITTED');
    const detail = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(detail.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
    expect(detail.body.attention).toBeNull();
    const events = await prisma().applicationEvent.findMany({ where: { applicationId: id! } });
    expect(events.map((e) => e.toStatus)).not.toContain('NEEDS_ATTENTION');
  });
});
