// The same bundle, run the way the extension's content script runs it: added to the page as a
// script and driven only through its own API from page.evaluate (no Playwright fill, click or
// setInputFiles). The host loop below is what the extension's background does after each
// navigation: inject again, call `step`, and on "ready" call `submit`.

import { formSpec, type PracticeJob } from '@jobswipe/practice-ats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepInput, StepResult } from '../src/core/types.ts';
import { loadFile } from '../src/runner/applicant-files.ts';
import { coreBundle } from '../src/runner/core-bundle.ts';
import { mismatches } from './support/answer-key.ts';
import { ACCOUNT, applicantAnswers, PROFILE } from './support/applicant.ts';
import { catalog, jobContext, type PracticeWorld, startWorld } from './support/practice.ts';

let world: PracticeWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

type Page = Awaited<ReturnType<PracticeWorld['browser']['newPage']>>;

async function inject(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const present = await frame.evaluate(() => typeof globalThis.__jobswipeCore === 'object').catch(() => true);
    if (!present) await frame.addScriptTag({ content: await coreBundle() });
  }
}

/** Waits for a navigation the last click may start, the way a background waits for tabs.onUpdated. */
async function afterClick(page: Page): Promise<void> {
  await page.waitForEvent('framenavigated', { timeout: 1_500 }).catch(() => {});
  await page.waitForLoadState('domcontentloaded');
}

async function call(page: Page, fn: (input: StepInput) => Promise<StepResult>, input: StepInput): Promise<StepResult> {
  for (;;) {
    try {
      await inject(page);
      return await page.evaluate(fn, input);
    } catch (err) {
      // A navigation that commits between injecting and calling leaves a document without the
      // core (the call then fails on it): inject again, as the extension does after tabs.onUpdated.
      const coreGone = !(await page.evaluate(() => typeof globalThis.__jobswipeCore === 'object').catch(() => false));
      if (!/context was destroyed|navigat/i.test(String(err)) && !coreGone) throw err;
      await page.waitForLoadState('domcontentloaded');
    }
  }
}

/**
 * The extension's loop: step until ready, submit once, then read the answer. What the core
 * pressed is kept here across documents, as the extension's background keeps it.
 */
async function applyLikeTheExtension(page: Page, url: string, input: StepInput): Promise<StepResult> {
  await page.goto(url);
  let submits = 0;
  const clicked: string[] = [];
  for (let i = 0; i < 30; i++) {
    const r = await call(page, (arg) => globalThis.__jobswipeCore!.step(arg), { ...input, submits, clicked });
    if (r.status === 'advanced' && r.pressed) clicked.push(r.pressed);
    if (r.status === 'advanced' || r.status === 'waiting') {
      await afterClick(page);
      continue;
    }
    if (r.status !== 'ready') return r;
    await page.evaluate(() => globalThis.__jobswipeCore!.submit());
    submits++;
    for (let j = 0; j < 30; j++) {
      await afterClick(page);
      const answer = await call(page, () => globalThis.__jobswipeCore!.afterSubmit(), input);
      if (answer.status === 'invalid') break;
      if (answer.status !== 'waiting') return answer;
    }
  }
  throw new Error('the extension loop did not finish');
}

/** One normal posting per ATS keeps this file fast; the runner's test covers every posting. */
const onePerAts = [...new Map(catalog('normal').map((j) => [j.ats, j])).values()];

describe.concurrent('the core as a content script', () => {
  it.each(onePerAts.map((j) => [`${j.ats}/${j.externalId}`, j] as const))(
    '%s: fills and submits through its own API only',
    async (_n, job: PracticeJob) => {
      const spec = formSpec(job.ats, job.externalId);
      const answers = applicantAnswers(spec);
      const input: StepInput = {
        profile: PROFILE,
        answers,
        files: {
          resume: await loadFile(world.docs.resumePath),
          coverLetter: await loadFile(world.docs.coverLetterPath),
        },
        coverLetterText: PROFILE.coverLetter,
        submits: 0,
        account: { ...ACCOUNT, host: new URL(world.urlOf(job)).host },
        job: jobContext(job),
      };
      const page = await world.browser.newPage();
      try {
        const result = await applyLikeTheExtension(page, world.urlOf(job), input);
        expect(result.status, JSON.stringify(result)).toBe('submitted');
      } finally {
        await page.close();
      }
      const recorded = world.ats.submissions.list({ ats: job.ats, jobId: job.externalId });
      expect(recorded).toHaveLength(1);
      expect(mismatches(spec, recorded[0]!, answers, world.docs)).toEqual([]);
    },
  );
});
