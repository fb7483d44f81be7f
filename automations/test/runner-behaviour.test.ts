// What executors rely on beyond "it applied": unknown questions come back to the user and their
// answers then submit; the submitting checkpoint precedes the click; a dry run and an abort submit
// nothing; verifying a lost attempt never submits; sensitive questions are never guessed.

import { formSpec, type PracticeJob } from '@jobswipe/practice-ats';
import { ApplicantProfile, normalizeQuestion, type SavedAnswers } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyOptions } from '../src/runner/apply.ts';
import { PROFILE } from './support/applicant.ts';
import { catalog, type PracticeWorld, startWorld } from './support/practice.ts';

let world: PracticeWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

const careers = catalog('normal').filter((j) => j.ats === 'careers');
const workday = catalog('normal').filter((j) => j.ats === 'workday');
/** A posting with a required custom question the profile cannot answer. */
const withQuestions = catalog('normal').find((j) =>
  formSpec(j.ats, j.externalId).fields.some((f) => f.asks.kind === 'question' && f.required && f.type !== 'checkbox'),
)!;

const apply = (job: PracticeJob, extra: Partial<ApplyOptions> = {}) => world.apply(job, extra);
const recorded = (job: PracticeJob) => world.recorded(job);

describe.concurrent('unknown questions', () => {
  it('returns the questions it cannot answer, then submits once the user answered them', async () => {
    const first = await apply(withQuestions, { answers: {} });
    expect(first.outcome).toBe('needs_attention');
    expect(first.errorClass).toBe('needs_user');
    const spec = formSpec(withQuestions.ats, withQuestions.externalId);
    const requiredQuestions = spec.fields.filter(
      (f) => f.asks.kind === 'question' && f.required && f.type !== 'checkbox',
    );
    for (const field of requiredQuestions) {
      const asked = first.unanswered.find((q) => q.key === normalizeQuestion(field.label));
      expect(asked, field.label).toBeDefined();
      expect(asked!.required).toBe(true);
      if (field.options) expect(asked!.options).toEqual(field.options.map((o) => o.label));
    }
    expect(recorded(withQuestions)).toHaveLength(0);

    const answers: SavedAnswers = {};
    for (const q of first.unanswered) answers[q.key] = q.options?.[0] ?? 'Because I like what you build.';
    const second = await apply(withQuestions, { answers });
    expect(second.outcome, second.message ?? '').toBe('submitted');
    expect(second.filled.filter((f) => f.source === 'answer').length).toBeGreaterThanOrEqual(first.unanswered.length);
    expect(recorded(withQuestions)).toHaveLength(1);
  });

  it('never guesses compensation or work authorization: it asks', async () => {
    const job = careers.find(
      (j) =>
        j.externalId !== withQuestions.externalId &&
        formSpec(j.ats, j.externalId).fields.some(
          (f) => f.required && f.asks.kind === 'profile' && /salary|authorized|sponsorship/i.test(f.asks.path),
        ),
    );
    expect(job, 'a careers posting asks about salary or work authorization').toBeDefined();
    const bare = ApplicantProfile.parse({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      phone: '4155550134',
    });
    const result = await apply(job!, { profile: bare, answers: {} });
    expect(result.outcome).toBe('needs_attention');
    expect(result.unanswered.some((q) => /salary|authori[sz]ed|sponsorship/i.test(q.label))).toBe(true);
    expect(result.filled.some((f) => /salary|authori[sz]ed|sponsorship/i.test(f.field))).toBe(false);
    expect(recorded(job!)).toHaveLength(0);
  });
});

describe.concurrent('self-identification', () => {
  it('declines with the form\'s own "decline" option when the profile leaves EEO open', async () => {
    const job = catalog('normal').find(
      (j) => j.ats === 'greenhouse' && j.externalId !== withQuestions.externalId && !j.applyUrl.includes('gh_jid'),
    )!;
    const spec = formSpec(job.ats, job.externalId);
    const result = await apply(job, { profile: { ...PROFILE, eeo: {} } });
    expect(result.outcome, result.message ?? '').toBe('submitted');
    const [recordedOne] = recorded(job);
    const eeo = spec.fields.filter((f) => f.asks.kind === 'profile' && f.asks.path.startsWith('profile.eeo.'));
    expect(eeo.length).toBeGreaterThan(0);
    for (const field of eeo) {
      const decline = field.options!.find((o) => /decline|don.?t wish|not want/i.test(o.label))!;
      expect(recordedOne?.fields[field.name], field.label).toBe(decline.value);
    }
    expect(result.filled.filter((f) => f.source === 'default').map((f) => f.field)).toEqual(
      expect.arrayContaining(eeo.map((f) => f.label)),
    );
  });
});

describe.concurrent('the submitting checkpoint', () => {
  it('is reported, and awaited, before the final click', async () => {
    const job = careers[1]!;
    let submissionsAtCheckpoint = -1;
    const result = await apply(job, {
      onProgress: async (p) => {
        if (p.step === 'submitting') submissionsAtCheckpoint = recorded(job).length;
      },
    });
    expect(result.outcome).toBe('submitted');
    expect(submissionsAtCheckpoint).toBe(0);
    expect(recorded(job)).toHaveLength(1);
  });

  it('a checkpoint that cannot be recorded stops the submit', async () => {
    const job = careers[2]!;
    const result = await apply(job, {
      onProgress: (p) => {
        if (p.step === 'submitting') throw new Error('lease lost');
      },
    });
    expect(result.outcome).toBe('failed');
    expect(result.errorClass).toBe('retryable');
    expect(result.message).toMatch(/lease lost/);
    expect(recorded(job)).toHaveLength(0);
  });
});

describe.concurrent('runs that must not submit', () => {
  it('a dry run fills the form and stops before submit', async () => {
    const job = careers[2]!;
    const result = await apply(job, { dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.filled.map((f) => f.field)).toEqual(expect.arrayContaining(['First name', 'Email address']));
    expect(recorded(job)).toHaveLength(0);
  });

  it('an abort between steps ends the run as retryable', async () => {
    const job = careers[2]!;
    const controller = new AbortController();
    const result = await apply(job, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'detect') controller.abort();
      },
    });
    expect(result.outcome).toBe('failed');
    expect(result.errorClass).toBe('retryable');
    expect(result.message).toMatch(/abort/i);
    expect(recorded(job)).toHaveLength(0);
  });

  it('verifying on Workday finds a submitted application in the candidate account, and adds none', async () => {
    const job = workday[0]!;
    expect((await apply(job)).outcome).toBe('submitted');
    const result = await apply(job, { verifyFirst: true });
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(result.confirmation).toMatch(/already applied/i);
    expect(recorded(job)).toHaveLength(1);
  });

  it('verifying on Workday applies when the candidate account proves no application exists', async () => {
    const job = workday[1]!;
    const steps: string[] = [];
    const result = await apply(job, { verifyFirst: true, onProgress: (p) => void steps.push(p.step) });
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(steps.indexOf('verify')).toBeLessThan(steps.indexOf('submitting'));
    expect(recorded(job)).toHaveLength(1);
  });

  it('Workday without an account password asks the user and submits nothing', async () => {
    const job = workday[2]!;
    const result = await apply(job, { account: undefined });
    expect(result.outcome).toBe('needs_attention');
    expect(result.message).toMatch(/account/i);
    expect(recorded(job)).toHaveLength(0);
  });

  it('verifying a lost attempt that left no trace asks a person and submits nothing', async () => {
    const job = careers[2]!;
    const result = await apply(job, { verifyFirst: true });
    expect(result.outcome).toBe('needs_attention');
    expect(result.message).toMatch(/verify|confirmation/i);
    expect(recorded(job)).toHaveLength(0);
  });
});
