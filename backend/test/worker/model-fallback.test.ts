// The server worker's model fallback: with LLM_BASE_URL / LLM_MODEL set (the scripted
// OpenAI-compatible stand-in on loopback), a practice form's essay question the profile and saved
// answers leave open is drafted by the model and filled through Stagehand's act() over CDP, the
// application is SUBMITTED without asking the user, the answer is recorded as the model's, and no
// prompt carries the applicant's personal or sensitive data.

import { launchBrowser } from '@jobswipe/automations/runner/browser';
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import { type PracticeAts, startPracticeAts } from '@jobswipe/practice-ats';
import type { ApplicationDetail } from '@jobswipe/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { ScriptedModel } from '../support/scripted-model.ts';
import { applicant, practicePostings, startTestWorker, swipeAll, type TestWorker } from '../support/server-lane.ts';

/** A practice posting whose one open required question is a non-sensitive essay. */
const POSTING = '4012345';
const ESSAY = 'Why do you want to work at Northwind Robotics?';
const DRAFT = 'Your robots solve problems I have worked on for years.';

const model = new ScriptedModel({ [ESSAY]: DRAFT });
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

describe('the server worker with a model', () => {
  it('drafts a non-sensitive essay through the model and submits, telling it nothing personal', {
    timeout: 120_000,
  }, async () => {
    const prisma = backend.node.ctx.db.prisma;
    const user = await applicant(backend);
    const posted = await practicePostings(prisma, ats, [POSTING]);
    const [id] = await swipeAll(user, posted);
    worker = await startTestWorker(
      backend,
      browser,
      { LLM_BASE_URL: model.url, LLM_MODEL: 'scripted', LLM_API_KEY: 'sk-scripted-0123456789' },
      { concurrency: 1, cdpUrl },
    );
    await expect
      .poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id: id! } })).status, {
        timeout: 100_000,
      })
      .toBe('SUBMITTED');

    const detail = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(detail.body.filled).toContainEqual(expect.objectContaining({ field: ESSAY, value: DRAFT, source: 'ai' }));
    expect(JSON.stringify(ats.submissions.list({ jobId: POSTING }).at(-1))).toContain(DRAFT);
    expect(model.requests.length).toBeGreaterThan(0);
    const sent = model.prompts();
    // The page's questions and options reach the model (Stagehand reads the page); nothing the
    // applicant would type does, nor a sensitive answer, nor the key: the model is asked first.
    const typed = [PROFILE.email, PROFILE.phone, PROFILE.lastName, String(PROFILE.salaryExpectation?.amount ?? '')];
    for (const secret of [...typed.filter(Boolean), 'sk-scripted-0123456789'])
      expect(sent, secret).not.toContain(secret);
  });
});
