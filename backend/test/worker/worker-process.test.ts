// `npm run worker` as operators run it: its own process, configured by the environment. It serves
// its health and metrics, applies server-lane swipes, and on SIGTERM hands back what it holds at
// once and exits cleanly.
import { fileURLToPath } from 'node:url';
import { startPracticeAts } from '@jobswipe/practice-ats';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { type EntryProcess, startEntryProcess } from '../support/entry-process.ts';
import { applicant, FILLABLE, practicePostings, SLOW, swipeAll } from '../support/server-lane.ts';

const METRICS_TOKEN = 'metrics-token-for-this-test-file';
const MAIN = fileURLToPath(new URL('../../src/worker/main.ts', import.meta.url));
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface WorkerProcess extends EntryProcess {
  /** Where its /healthz, /readyz and /metrics answer. */
  url: string;
}

/** Starts the worker's entry point with the backend's configuration; resolves once it serves its health port. */
async function startWorkerProcess(backend: TestBackend): Promise<WorkerProcess> {
  const env = {
    ...process.env,
    ...backend.env,
    DATABASE_URL: backend.db.url,
    PUBLIC_URL: backend.node.url,
    LOG_LEVEL: 'info',
    WORKER_PORT: '0',
    WORKER_CONCURRENCY: '1',
    WORKER_GRACE_MS: '0',
    METRICS_TOKEN,
  };
  const started = await startEntryProcess(MAIN, env, (line) => line.includes('/metrics'));
  cleanups.push(() => started.kill());
  const port = started.readyLine.match(/"port":(\d+)/)?.[1];
  return { ...started, url: `http://127.0.0.1:${port}` };
}

async function statusOf(backend: TestBackend, id: string) {
  return (await backend.node.ctx.db.prisma.application.findUniqueOrThrow({ where: { id } })).status;
}

describe('the worker process', () => {
  it('serves health and metrics, applies, and on SIGTERM hands back what it holds and exits 0', {
    timeout: 120_000,
  }, async () => {
    const backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000' });
    cleanups.push(() => backend.close());
    const ats = await startPracticeAts();
    cleanups.push(() => ats.close());
    const user = await applicant(backend);
    const worker = await startWorkerProcess(backend);

    expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${worker.url}/readyz`)).json()).toMatchObject({
      status: 'ready',
      postgres: 'ready',
      redis: 'ready',
    });

    const [applied] = await swipeAll(
      user,
      await practicePostings(backend.node.ctx.db.prisma, ats, FILLABLE.slice(0, 1)),
    );
    await expect.poll(() => statusOf(backend, applied!), { timeout: 60_000 }).toBe('SUBMITTED');
    expect(ats.submissions.list()).toHaveLength(1);
    const metrics = await (
      await fetch(`${worker.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(metrics).toMatch(/^jobswipe_worker_\w+\{[^}]*outcome="submitted"[^}]*\} 1$/m);

    const [held] = await swipeAll(
      user,
      await practicePostings(backend.node.ctx.db.prisma, ats, [SLOW], '?delay=20000'),
    );
    await expect.poll(() => statusOf(backend, held!), { timeout: 30_000 }).toBe('RUNNING');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    // Handed back at once, not left RUNNING until its lease lapses; the attempt not counted.
    expect(await backend.node.ctx.db.prisma.application.findUniqueOrThrow({ where: { id: held! } })).toMatchObject({
      status: 'QUEUED',
      attempt: 0,
      leaseOwner: null,
    });
    expect(ats.submissions.list()).toHaveLength(1);
  });
});
