// The answer key and the server agree on every form: the post the key describes is accepted and
// recorded, and the record passes the key's own check. Over HTTP, so every form is covered fast.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec, practiceJobs } from '../src/index.ts';
import { answersFor, correctPost, PROFILE, pdf } from './fixtures.ts';
import { practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const NORMAL = practiceJobs('http://practice.invalid').filter((j) => j.scenario === 'normal');

/** Workday takes applications from signed-in candidates only. */
async function candidateCookie(board: string): Promise<string> {
  const password = 'long enough password';
  const res = await fetch(`${server.ats.url}/workday/${board}/External/account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      mode: 'create',
      email: `key-${Math.random()}@example.com`,
      password,
      verifyPassword: password,
      agree: true,
    }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

describe('every form accepts the post its answer key describes', () => {
  it.each(NORMAL.map((j) => [`${j.ats} ${j.title}`, j] as const))('%s', async (_name, job) => {
    const spec = formSpec(job.ats, job.externalId);
    const resume = pdf();
    const cookie = job.ats === 'workday' ? await candidateCookie(job.board) : '';
    const res = await fetch(server.ats.url + spec.submitUrl, {
      method: 'POST',
      body: correctPost(spec, { resume }),
      headers: cookie ? { cookie } : {},
      redirect: 'manual',
    });
    expect([200, 303]).toContain(res.status);
    const [submission, ...more] = await recorded(server.ats, { ats: job.ats, jobId: job.externalId });
    expect(more).toEqual([]);
    expect(checkSubmission(spec, submission!, PROFILE, answersFor(spec), { resume: resume.sha256 })).toEqual([]);
  });
});
