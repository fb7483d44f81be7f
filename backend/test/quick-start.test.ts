// The README's quick start as a user runs it: `npm start`'s entry point in its own process with no
// DATABASE_URL (embedded PostgreSQL under a fresh data dir) and nothing else configured but free
// ports. The demo user signs in, swipes right on a practice job, and the in-process server worker
// submits it on the practice ATS. SIGTERM stops everything cleanly; a restart on the same data
// dir keeps the user, the password and the submitted application.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApplicationSummary, AuthResponse, DeckPage, JobView, SwipeResponse } from '@jobswipe/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { Api } from './support/api.ts';
import { type EntryProcess, startEntryProcess } from './support/entry-process.ts';
import { freePort } from './support/redis-server.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
/** A practice Greenhouse posting the demo profile fills completely. */
const POSTING = '4012388';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Started extends EntryProcess {
  api: Api;
}

async function npmStart(env: Record<string, string>): Promise<Started> {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const started = await startEntryProcess(MAIN, { ...inherited, ...env }, (line) =>
    line.includes('JobSwipe is running'),
  );
  cleanups.push(() => started.kill());
  return { ...started, api: new Api(`http://127.0.0.1:${env.PORT}`) };
}

async function signIn(api: Api, email: string, password: string): Promise<Api> {
  const res = await api.post<AuthResponse>('/v1/auth/login', { email, password });
  expect(res.status).toBe(200);
  return api.as(res.body.accessToken);
}

async function findPosting(api: Api, postingId: string): Promise<JobView> {
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: { body: DeckPage } = await api.get<DeckPage>(`/v1/jobs/deck?limit=50&cursor=${cursor}`);
    const job = page.body.items.find((j) => j.applyUrl.includes(postingId));
    if (job) return job;
    cursor = page.body.nextCursor;
  }
  throw new Error(`posting ${postingId} is not in the demo deck`);
}

describe('the quick start (npm start with nothing configured)', () => {
  it('runs the whole product on embedded defaults, applies a swipe, and restarts keeping everything', {
    timeout: 180_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'jobswipe-quickstart-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      PRACTICE_ATS_PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
      WORKER_CONCURRENCY: '1',
    };

    const first = await npmStart(env);
    const password = (await readFile(join(dataDir, 'secrets', 'demo-password'), 'utf8')).trim();
    expect(first.output.join('\n')).toContain('sign in as demo@jobswipe.local');
    // Not a terminal: the password is only pointed at, never written into the logs.
    expect(first.output.join('\n')).not.toContain(password);
    expect((await first.api.get('/readyz')).body).toMatchObject({ status: 'ready' });
    const page = await fetch(`${first.api.baseUrl}/`);
    expect(await page.text()).toContain('<div id="root">');

    const demo = await signIn(first.api, 'demo@jobswipe.local', password);
    const job = await findPosting(demo, POSTING);
    const swipe = await demo.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    expect(swipe.status).toBe(201);
    const id = swipe.body.application!.id;
    const statusOf = async (api: Api) => (await api.get<ApplicationSummary>(`/v1/applications/${id}`)).body.status;
    await expect.poll(() => statusOf(demo), { timeout: 90_000, interval: 500 }).toBe('SUBMITTED');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await npmStart(env);
    const again = await signIn(second.api, 'demo@jobswipe.local', password);
    expect(await statusOf(again)).toBe('SUBMITTED');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
