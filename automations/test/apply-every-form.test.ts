// The Playwright runner applies to every normal practice posting (every ATS the practice server
// hosts) and the recorded submission matches the answer key field by field, files intact, once.

import { formSpec } from '@jobswipe/practice-ats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyToJob } from '../src/runner/apply.ts';
import { mismatches } from './support/answer-key.ts';
import { ACCOUNT, answersFor, PROFILE } from './support/applicant.ts';
import { catalog, type PracticeWorld, startWorld } from './support/practice.ts';

let world: PracticeWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

// Applications run a few at a time (a context each on the one browser), as a worker would.
describe.concurrent('applying with the Playwright runner', () => {
  it.each(catalog('normal').map((job) => [`${job.ats}/${job.externalId}`, job] as const))(
    '%s: submitted once, every covered field right, files intact',
    async (_name, job) => {
      const spec = formSpec(job.ats, job.externalId);
      const answers = answersFor(spec);
      const steps: string[] = [];
      const result = await applyToJob({
        url: world.urlOf(job),
        profile: PROFILE,
        answers,
        resumePath: world.docs.resumePath,
        coverLetterPath: world.docs.coverLetterPath,
        mode: 'server',
        browser: world.browser,
        account: ACCOUNT,
        onProgress: (p) => {
          steps.push(p.step);
        },
      });
      expect(result.outcome, result.message ?? '').toBe('submitted');
      expect(result.confirmation).toBeTruthy();
      expect(steps.filter((s) => s === 'submitting')).toHaveLength(1);
      expect(steps.indexOf('submitting')).toBeLessThan(steps.lastIndexOf('confirm'));

      const recorded = world.ats.submissions.list({ ats: job.ats, jobId: job.externalId });
      expect(recorded).toHaveLength(1);
      expect(mismatches(spec, recorded[0]!, answers, world.docs)).toEqual([]);
      expect(recorded[0]!.files.map((f) => f.sha256)).toContain(world.docs.sha256.resume);
    },
  );
});
