// The never-tuned split: every form serves, refuses an application without its required fields,
// and records an application filled in Chromium straight from its spec, which then scores every
// profile-answerable field right; the forms that must be held refuse even a careful applicant's
// final click. Which forms are submittable follows from the specs alone.
import { createHash } from 'node:crypto';
import { normalizeQuestion } from '@jobswipe/protocol';
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_ANSWERS,
  APPLICANT_PROFILE,
  expectedOutcome,
  type FormSpec,
  formSpec,
  practiceJobs,
  scoreApplication,
  totals,
} from '../src/index.ts';
import { undeclaredFields } from '../src/spec/expectation.ts';
import { browserForFile } from './browser.ts';
import { pdf } from './fixtures.ts';
import { practiceAtsForFile, recorded } from './server.ts';
import { fillForm, SUBMIT } from './spec-filler.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const JOBS = practiceJobs('http://practice.invalid', 'never-tuned');
const specOf = (j: (typeof JOBS)[number]): FormSpec => formSpec(j.ats, j.externalId);

describe('the never-tuned split', () => {
  it('has a second form of every tuned family and BambooHR, Jobvite, Teamtailor and Recruitee, apart from the tuned catalog', () => {
    expect(JOBS.map((j) => j.ats).sort()).toEqual(
      [
        'ashby',
        'bamboohr',
        'careers',
        'greenhouse',
        'icims',
        'jobvite',
        'lever',
        'recruitee',
        'smartrecruiters',
        'teamtailor',
        'workable',
        'workday',
      ].sort(),
    );
    expect(JOBS.every((j) => j.split === 'never-tuned')).toBe(true);
    const tuned = practiceJobs('http://practice.invalid');
    expect(tuned.some((j) => j.split !== 'tuned')).toBe(false);
    expect(practiceJobs('http://practice.invalid', 'all')).toHaveLength(tuned.length + JOBS.length);
  });

  it('declares for every field what a correct application holds, with options that exist', () => {
    for (const job of JOBS) {
      const spec = specOf(job);
      expect(undeclaredFields(spec).map((f) => f.name)).toEqual([]);
      for (const f of spec.fields) {
        if (f.expect?.kind === 'option') expect(f.options?.map((o) => o.label)).toContain(f.expect.label);
      }
    }
  });

  it('phrases no question the way the answer sheet saved it', () => {
    const saved = new Set(Object.keys(APPLICANT_ANSWERS));
    for (const key of saved) expect(normalizeQuestion(key)).toBe(key);
    const asked = JOBS.flatMap((j) => specOf(j).fields.map((f) => normalizeQuestion(f.label)));
    expect(asked.filter((q) => saved.has(q))).toEqual([]);
  });

  it('holds exactly the forms whose spec a correct engine cannot submit', () => {
    const outcomes = Object.fromEntries(JOBS.map((j) => [j.ats, expectedOutcome(specOf(j))]));
    expect(outcomes).toEqual({
      greenhouse: 'submitted',
      lever: 'submitted',
      ashby: 'submitted',
      workday: 'submitted',
      smartrecruiters: 'submitted',
      icims: 'submitted',
      workable: 'submitted',
      careers: 'blocked',
      bamboohr: 'submitted',
      jobvite: 'needs_attention',
      teamtailor: 'submitted',
      recruitee: 'needs_attention',
    });
  });

  it.each(JOBS.map((j) => [j.ats, j] as const))(
    '%s refuses an application without its required fields',
    async (_ats, job) => {
      const spec = specOf(job);
      const res = await fetch(server.ats.url + spec.submitUrl, {
        method: 'POST',
        body: new FormData(),
        redirect: 'manual',
      });
      expect(res.status).toBe(422);
      expect(await recorded(server.ats)).toEqual([]);
    },
  );

  it.each(JOBS.map((j) => [j.ats, j] as const))(
    '%s, filled from its spec in Chromium, is recorded right or held',
    async (_ats, job) => {
      const spec = specOf(job);
      const resume = pdf('Maren_Okafor_Resume.pdf');
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const res = await page.goto(job.applyUrl.replace('http://practice.invalid', server.ats.url));
      expect(res?.status()).toBe(200);
      const scope = await fillForm(page, spec, {
        name: 'Maren_Okafor_Resume.pdf',
        mimeType: 'application/pdf',
        buffer: resume.data,
      });
      await scope.getByRole('button', { name: SUBMIT }).last().click();
      const outcome = expectedOutcome(spec);
      if (outcome === 'submitted') {
        await expect.poll(async () => (await recorded(server.ats)).length, { timeout: 10_000 }).toBe(1);
        const [submission] = await recorded(server.ats);
        const score = scoreApplication(
          spec,
          { outcome: 'submitted', submission },
          {
            profile: APPLICANT_PROFILE,
            answers: APPLICANT_ANSWERS,
            resumeSha256: resume.sha256,
          },
        );
        expect(score.checks.filter((c) => c.answerable && c.verdict !== 'right')).toEqual([]);
        expect(totals([score]).wrong).toBe(0);
      } else {
        // The page answers the final click with a refusal, and nothing is recorded.
        await expect.poll(() => scope.getByRole('alert').first().textContent({ timeout: 10_000 })).toMatch(/\S/);
        expect(await recorded(server.ats)).toEqual([]);
      }
      expect(errors).toEqual([]);
      expect(createHash('sha256').update(resume.data).digest('hex')).toBe(resume.sha256);
    },
  );
});
