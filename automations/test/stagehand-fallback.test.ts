// The AI fallback, exercised through the real Stagehand code with a stand-in model client: it
// answers a non-sensitive question the user never answered, plans the widget with observe() and
// fills it through act() on that plan with the answer as a variable, and is never told the applicant's personal or sensitive data.

import { formSpec } from '@jobswipe/practice-ats';
import { isSensitiveQuestion } from '@jobswipe/protocol/sensitive';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStagehandFallback } from '../src/ai/stagehand-fallback.ts';
import { applyToJob } from '../src/runner/apply.ts';
import { launchBrowser } from '../src/runner/browser.ts';
import { applicantAnswers, PROFILE } from './support/applicant.ts';
import { catalog, type PracticeWorld, startWorld } from './support/practice.ts';
import { StandInLlmClient } from './support/stand-in-llm-client.ts';

let world: PracticeWorld;
let browser: Browser;
let cdpUrl: string;
beforeAll(async () => {
  world = await startWorld();
  const launched = await launchBrowser({ withCdp: true });
  browser = launched.browser;
  cdpUrl = launched.cdpUrl!;
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

type SpecField = ReturnType<typeof formSpec>['fields'][number];
const openQuestion = (f: SpecField) =>
  f.asks.kind === 'question' && f.required && f.type === 'textarea' && !isSensitiveQuestion(f.label);

/** A posting with a required free-text question that is not sensitive. */
const job = catalog('normal').find((j) => formSpec(j.ats, j.externalId).fields.some(openQuestion))!;

/** That question, and the applicant's saved answers without it: only the model can answer it. */
function withOpenQuestion() {
  const spec = formSpec(job.ats, job.externalId);
  const open = spec.fields.find(openQuestion)!;
  const answers = applicantAnswers(spec);
  if (open.asks.kind === 'question') delete answers[open.asks.key];
  return { open, answers };
}

describe('the Stagehand fallback', () => {
  it('answers a non-sensitive question through observe() and act() and never sees personal data', async () => {
    const { open, answers } = withOpenQuestion();
    const modelAnswer = 'Your tools for engineers are the ones I reach for every day.';
    const client = new StandInLlmClient({ [open.label]: modelAnswer });
    const ai = await startStagehandFallback({ cdpUrl, model: { client } });
    try {
      const result = await applyToJob({
        url: world.urlOf(job),
        profile: PROFILE,
        answers,
        resumePath: world.docs.resumePath,
        mode: 'server',
        browser,
        ai,
      });
      expect(result.outcome, result.message ?? '').toBe('submitted');
      expect(result.filled).toContainEqual({ field: open.label, value: modelAnswer, source: 'ai', ref: 'model' });
    } finally {
      await ai.close();
    }
    const [recorded] = world.ats.submissions.list({ ats: job.ats, jobId: job.externalId });
    expect(recorded?.fields[open.name]).toBe(modelAnswer);

    expect(client.prompts.some((p) => p.includes(open.label))).toBe(true);
    const personal = [PROFILE.email, PROFILE.phone, PROFILE.lastName, String(PROFILE.salaryExpectation?.amount)];
    for (const prompt of client.prompts) for (const value of personal) expect(prompt).not.toContain(value);
    // The model planned with the placeholder, not the text typed.
    expect(client.prompts.filter((p) => p.includes('%answer%')).length).toBeGreaterThan(0);
  });

  it('plans again when the first plan names nothing on the page, and answers with the second', async () => {
    const { open, answers } = withOpenQuestion();
    const modelAnswer = 'The second plan typed this.';
    const client = new StandInLlmClient({ [open.label]: modelAnswer }, true);
    const ai = await startStagehandFallback({ cdpUrl, model: { client } });
    try {
      const result = await applyToJob({
        url: world.urlOf(job),
        // Another applicant: the first test's application to this job stands, and is not sent again.
        profile: { ...PROFILE, email: 'replanned@example.com' },
        answers,
        resumePath: world.docs.resumePath,
        mode: 'server',
        browser,
        ai,
      });
      expect(result.outcome, result.message ?? '').toBe('submitted');
    } finally {
      await ai.close();
    }
    const recorded = world.ats.submissions.list({ ats: job.ats, jobId: job.externalId });
    expect(recorded.map((r) => r.fields[open.name])).toContain(modelAnswer);
    // Two plans for the widget (observe), and no call that would both plan and act.
    expect(
      client.prompts.filter((p) => p.includes(`instruction: Type %answer% into the field labelled "${open.label}"`)),
    ).toHaveLength(2);
  });
});
