// Every adversarial practice posting ends in the outcome an executor acts on, with a message a
// person can use: CAPTCHAs and bot walls block, a login wall needs the user, closed postings
// expire, and slow, refusing, shuffled and already-applied forms still end right — once.

import { formSpec, type PracticeJob } from '@jobswipe/practice-ats';
import { type ApplyOutcome, accountPasswordQuestion, type ErrorClass } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyOptions } from '../src/runner/apply.ts';
import { mismatches } from './support/answer-key.ts';
import { applicantAnswers } from './support/applicant.ts';
import { catalog, type PracticeWorld, startWorld } from './support/practice.ts';

let world: PracticeWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

const apply = (job: PracticeJob, extra: Partial<ApplyOptions> = {}) => world.apply(job, extra);

const named = (scenario: string) => catalog(scenario).map((job) => [`${job.ats}/${job.externalId}`, job] as const);
const recorded = (job: PracticeJob) => world.recorded(job);

const STOPS: Array<[string, ApplyOutcome, ErrorClass, RegExp]> = [
  ['captcha', 'blocked', 'blocked', /captcha/i],
  ['bot-wall', 'blocked', 'blocked', /captcha|bot|human/i],
  ['closed-404', 'expired', 'permanent', /404|gone|closed/i],
  ['closed', 'expired', 'permanent', /no longer|closed/i],
];

const stopCases = STOPS.flatMap(([scenario, outcome, errorClass, message]) =>
  catalog(scenario).map(
    (job) => [`${scenario} ${job.ats}/${job.externalId}`, job, outcome, errorClass, message] as const,
  ),
);

describe.concurrent('postings an application cannot go through', () => {
  it.each(stopCases)(
    '%s ends with the right outcome and submits nothing',
    async (_n, job, outcome, errorClass, message) => {
      const result = await apply(job);
      expect(result.outcome, result.message ?? '').toBe(outcome);
      expect(result.errorClass).toBe(errorClass);
      expect(result.message).toMatch(message);
      expect(result.evidence.length).toBeGreaterThan(0);
      expect(recorded(job)).toHaveLength(0);
    },
  );
});

describe('a login wall', () => {
  const [job] = catalog('login-wall');
  const host = () => new URL(world.urlOf(job!)).host;

  it('without a password for the site, asks the user for one and submits nothing', async () => {
    const result = await apply(job!, { account: undefined });
    expect(result.outcome).toBe('needs_attention');
    expect(result.errorClass).toBe('needs_user');
    expect(result.message).toMatch(/sign in/i);
    expect(result.unanswered).toEqual([accountPasswordQuestion(host())]);
    expect(recorded(job!)).toHaveLength(0);
  });

  it('with the password the user gave, creates the account, signs in and applies once', async () => {
    const result = await apply(job!, { account: { password: 'a-long-site-password' } });
    expect(result.outcome, result.message ?? '').toBe('submitted');
    expect(recorded(job!)).toHaveLength(1);
  });

  it('with a wrong password for an existing account, asks again instead of looping', async () => {
    const result = await apply(job!, { account: { password: 'not-the-password-it-has' } });
    expect(result.outcome).toBe('needs_attention');
    expect(result.message).toMatch(/refused|keeps asking/i);
    expect(result.unanswered.map((q) => q.key)).toEqual([accountPasswordQuestion(host()).key]);
    expect(recorded(job!)).toHaveLength(1);
  });
});

describe("a site's password is typed only on the host it was given for", () => {
  const walls = [catalog('login-wall')[0]!, catalog().find((j) => j.ats === 'workday')!];

  it.each(walls.map((job) => [job.ats, job] as const))(
    '%s: a sign-in form on another host gets nothing, and the user is told why',
    async (_ats, job) => {
      const before = recorded(job).length;
      // Another Workday tenant shares myworkdayjobs.com: only the exact host counts.
      const result = await apply(job, {
        account: { password: 'a-long-site-password', host: 'other-tenant.wd5.myworkdayjobs.com' },
      });
      expect(result.outcome).toBe('needs_attention');
      expect(result.message).toMatch(
        /password JobSwipe has is for other-tenant\.wd5\.myworkdayjobs\.com: it is typed nowhere else/,
      );
      expect(result.filled.map((f) => f.value)).not.toContain('a-long-site-password');
      expect(recorded(job)).toHaveLength(before);
    },
  );
});

describe.concurrent('forms that resist but accept a correct application', () => {
  it.each([...named('slow'), ...named('reject-first'), ...named('shuffled')])(
    '%s is submitted once with every covered field right',
    async (_n, job) => {
      const result = await apply(job);
      expect(result.outcome, result.message ?? '').toBe('submitted');
      const spec = formSpec(job.ats, job.externalId);
      expect(recorded(job)).toHaveLength(1);
      expect(mismatches(spec, recorded(job)[0]!, applicantAnswers(spec), world.docs)).toEqual([]);
    },
  );

  it.each(named('already-applied'))('%s: a second application finds the first and adds none', async (_n, job) => {
    expect((await apply(job)).outcome).toBe('submitted');
    const again = await apply(job);
    expect(again.outcome, again.message ?? '').toBe('submitted');
    expect(again.confirmation).toMatch(/already/i);
    expect(recorded(job)).toHaveLength(1);
  });
});
