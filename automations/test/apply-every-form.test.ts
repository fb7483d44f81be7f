// The Playwright runner applies to every normal practice posting (every ATS the practice server
// hosts) as a user would: with their profile and their own answer sheet (phrased their way), it
// asks only the form's own questions nothing answers, takes the replies, and the recorded
// submission matches the answer key field by field, files intact, once.

import { formSpec } from '@jobswipe/practice-ats';
import type { ApplyResult, SavedAnswers } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyToJob } from '../src/runner/apply.ts';
import { mismatches } from './support/answer-key.ts';
import { ACCOUNT, earlierReplies, PROFILE, reply, sheetAnswers } from './support/applicant.ts';
import { catalog, jobContext, type PracticeWorld, startWorld } from './support/practice.ts';

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
      const answers: SavedAnswers = sheetAnswers();
      const asked: string[] = [];
      let steps: string[] = [];
      let result: ApplyResult | undefined;
      // Apply; answer what JobSwipe asks (as the web would), and apply again.
      for (let attempt = 0; attempt < 3; attempt++) {
        steps = [];
        result = await applyToJob({
          url: world.urlOf(job),
          profile: PROFILE,
          answers,
          resumePath: world.docs.resumePath,
          coverLetterPath: world.docs.coverLetterPath,
          mode: 'server',
          browser: world.browser,
          account: ACCOUNT,
          job: jobContext(job),
          onProgress: (p) => {
            steps.push(p.step);
          },
        });
        if (result.outcome !== 'needs_attention' || !result.unanswered.length) break;
        for (const q of result.unanswered) {
          asked.push(q.key);
          answers[q.key] = reply(q);
        }
      }
      if (!result) throw new Error('no attempt ran');
      // Asked exactly the form's own questions that neither the profile nor the sheet answers.
      expect(asked.sort()).toEqual(Object.keys(earlierReplies(spec)).sort());
      expect(result.outcome, result.message ?? '').toBe('submitted');
      expect(result.confirmation).toBeTruthy();
      expect(steps.filter((s) => s === 'submitting')).toHaveLength(1);
      expect(steps.indexOf('submitting')).toBeLessThan(steps.lastIndexOf('confirm'));

      const recorded = world.ats.submissions.list({ ats: job.ats, jobId: job.externalId });
      expect(recorded).toHaveLength(1);
      expect(mismatches(spec, recorded[0]!, answers, world.docs)).toEqual([]);
      expect(recorded[0]!.files.map((f) => f.sha256)).toContain(world.docs.sha256.resume);
    },
    // Up to two attempts (asked, then answered) of a wizard as long as Workday's seven pages.
    180_000,
  );
});
