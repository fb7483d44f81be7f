// The right-swipe path under three shapes of load (one at a time, 32 callers back to back, a fixed
// 1,000 a second), each run against the API and against the plain-Postgres baseline on the same
// database, so the figures divide into ratios that compare across machines.
import { randomUUID } from 'node:crypto';
import { type FormQuestion, normalizeQuestion } from '@jobswipe/protocol';
import { createJobs } from '../../test/support/factories.ts';
import { userWith } from '../../test/support/users.ts';
import type { PlainPgRun, PlainPgSetup } from '../children/plain-pg-swipes.ts';
import type { SwipeLoadResult, SwipeLoadRun, SwipeLoadSetup } from '../children/swipe-load.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { ChildScript } from '../support/child-script.ts';
import type { LoadResult, LoadShape } from '../support/load-shapes.ts';

export interface SwipePathRun {
  name: string;
  shape: LoadShape;
  ours: SwipeLoadResult & {
    /** CPU time of the backend node per request, warm-up included: robust to a busy machine. */
    nodeCpuMsPerSwipe: number;
  };
  baseline: LoadResult;
}

export interface SwipePath {
  users: number;
  /** Jobs whose form's questions are known (the swipe decides what the user still owes). */
  jobsWithForm: number;
  poolSize: number;
  runs: SwipePathRun[];
}

export async function measureSwipePath(
  backend: BenchBackend,
  options: {
    users: number;
    jobs: number;
    /** Every how many jobs one has a known form (1: all, 2: every other one). */
    formEvery: number;
    poolSize: number;
    shapes: Array<{ name: string; shape: LoadShape }>;
  },
): Promise<SwipePath> {
  const tokens: string[] = [];
  // Sign-ups hash a password with Argon2 (memory-hard): a few at a time.
  for (let i = 0; i < options.users; i += 4) {
    const batch = Array.from({ length: Math.min(4, options.users - i) }, () => userWith(backend.api, backend.prisma));
    tokens.push(...(await Promise.all(batch)).map((u) => u.accessToken));
  }
  const baselineUsers = Array.from({ length: options.users }, () => randomUUID());
  await backend.prisma.user.createMany({
    data: baselineUsers.map((id) => ({
      id,
      email: `baseline-${id}@example.com`,
      passwordHash: 'not used: the baseline never signs in',
      planId: 'enterprise',
      executionPreference: 'device_only' as const,
    })),
  });
  const jobIds = (await createJobs(backend.prisma, options.jobs)).map((j) => j.id);
  const withForm = jobIds.filter((_, i) => i % options.formEvery === 0);
  await backend.prisma.jobForm.createMany({
    data: withForm.map((jobId) => ({ jobId, source: 'board_api', complete: true, questions: BENCH_FORM })),
  });

  const ours = ChildScript.start(new URL('../children/swipe-load.ts', import.meta.url));
  const baseline = ChildScript.start(new URL('../children/plain-pg-swipes.ts', import.meta.url));
  try {
    await Promise.all([ours.next(), baseline.next()]);
    await ours.request({ type: 'setup', url: backend.url, tokens, jobIds } satisfies SwipeLoadSetup);
    await baseline.request({
      type: 'setup',
      databaseUrl: backend.databaseUrl,
      poolSize: options.poolSize,
      userIds: baselineUsers,
      jobIds,
    } satisfies PlainPgSetup);
    const runs: SwipePathRun[] = [];
    for (const { name, shape } of options.shapes) {
      process.stderr.write(`bench: swipe path, ${name}\n`);
      const cpuBefore = await backend.cpu();
      const oursResult = await ours.request<SwipeLoadResult>({ type: 'run', shape } satisfies SwipeLoadRun);
      const cpuAfter = await backend.cpu();
      const requests = Object.values(oursResult.statusCodes).reduce((a, b) => a + b, 0);
      const cpuMs = (cpuAfter - cpuBefore) / 1000;
      const baselineResult = await baseline.request<LoadResult>({ type: 'run', shape } satisfies PlainPgRun);
      runs.push({
        name,
        shape,
        ours: { ...oursResult, nodeCpuMsPerSwipe: Math.round((cpuMs / requests) * 1000) / 1000 },
        baseline: baselineResult,
      });
    }
    return { users: options.users, jobsWithForm: withForm.length, poolSize: options.poolSize, runs };
  } finally {
    await Promise.all([ours.stop(), baseline.stop()]);
  }
}

const question = (label: string, type: FormQuestion['type'], required: boolean, options?: string[]): FormQuestion => ({
  key: normalizeQuestion(label),
  label,
  type,
  required,
  hints: '',
  step: 0,
  ...(options ? { options } : {}),
});

/** A Greenhouse-sized form: the profile's fields, a resume, two custom questions (one an essay). */
const BENCH_FORM: FormQuestion[] = [
  question('First Name', 'text', true),
  question('Last Name', 'text', true),
  question('Email', 'email', true),
  question('Phone', 'tel', true),
  question('Resume/CV', 'file', true),
  question('LinkedIn Profile', 'url', false),
  question('Are you legally authorized to work in the United States?', 'yes_no', true),
  question('How did you hear about this job?', 'select', false, ['LinkedIn', 'A friend', 'Other']),
  question('Why do you want to work here?', 'textarea', true),
];
