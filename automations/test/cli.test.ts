// The apply CLI as a user runs it: JSON result on stdout, an exit code per outcome, and a clear
// error naming the bad field of a bad profile file.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formSpec } from '@jobswipe/practice-ats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantAnswers, PROFILE } from './support/applicant.ts';
import { catalog, type PracticeWorld, startWorld } from './support/practice.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'src', 'cli', 'apply.ts');

let world: PracticeWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

async function apply(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, LLM_BASE_URL: '', LLM_MODEL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function json(name: string, value: unknown): Promise<string> {
  const path = join(world.docs.dir, name);
  await writeFile(path, JSON.stringify(value));
  return path;
}

describe('npm run apply', () => {
  it('submits, prints the result as JSON and exits 0', async () => {
    const job = catalog('normal').find((j) => j.ats === 'careers')!;
    const profile = await json('profile.json', PROFILE);
    const answers = await json('answers.json', applicantAnswers(formSpec(job.ats, job.externalId)));
    const out = await apply([
      '--url',
      world.urlOf(job),
      '--profile',
      profile,
      '--answers',
      answers,
      '--resume',
      world.docs.resumePath,
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).outcome).toBe('submitted');
    expect(out.stderr).toContain('"step":"submitting"');
    expect(world.ats.submissions.list({ jobId: job.externalId })).toHaveLength(1);
  });

  it('exits 3 when the user is needed (a login wall)', async () => {
    const job = catalog('login-wall')[0]!;
    const out = await apply(['--url', world.urlOf(job), '--profile', await json('p.json', PROFILE)]);
    expect(out.code).toBe(3);
    expect(JSON.parse(out.stdout).outcome).toBe('needs_attention');
  });

  it('refuses a bad profile file with the path of each bad field, exit 2', async () => {
    const bad = { ...PROFILE, firstName: 42, salaryExpectation: { amount: -5, currency: 'USD', period: 'year' } };
    const out = await apply(['--url', 'http://127.0.0.1:9/x', '--profile', await json('bad.json', bad)]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/bad\.json is invalid/);
    expect(out.stderr).toMatch(/- firstName: /);
    expect(out.stderr).toMatch(/- salaryExpectation\.amount: /);
    expect(out.stdout).toBe('');
  });

  it('explains missing arguments, exit 2', async () => {
    const out = await apply(['--url', 'http://127.0.0.1:9/x']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--url and --profile are required/);
  });
});
