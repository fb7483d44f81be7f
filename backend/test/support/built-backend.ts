// The backend as production runs it: compiled by backend/build into a folder of this test file's
// own beside backend/dist (so node finds node_modules above it, and the files the build points at
// sit where they sit from backend/dist), with the web app built too, and started with plain node in
// production mode against a fresh database and Redis key prefix.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import { ensureWebBuild } from '@jobswipe/web/build/build-web';
import { afterAll, beforeAll } from 'vitest';
import { BACKEND_ROOT, type BuiltBackend, buildBackend } from '../../build/bundle.ts';
import { Api } from './api.ts';
import { type EntryProcess, startEntryProcess } from './entry-process.ts';
import { freePort } from './redis-server.ts';

export interface TestBuild extends BuiltBackend {
  remove(): Promise<void>;
}

export async function buildForTest(): Promise<TestBuild> {
  await ensureWebBuild();
  const built = await buildBackend(join(BACKEND_ROOT, `dist-test-${randomBytes(4).toString('hex')}`));
  return { ...built, remove: () => rm(built.outDir, { recursive: true, force: true }) };
}

export interface BuildFixture {
  /** The build, once the tests have started. */
  readonly build: TestBuild;
  /** Run after the tests, the last added first (the build's removal runs last). */
  readonly cleanups: Array<() => Promise<unknown>>;
}

/** At a test file's (or a describe's) top: builds once before its tests and cleans up after them. */
export function useBuild(): BuildFixture {
  let build: TestBuild | undefined;
  const cleanups: Array<() => Promise<unknown>> = [];
  beforeAll(async () => {
    build = await buildForTest();
    cleanups.push(() => build!.remove());
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    get build() {
      if (!build) throw new Error('the build is made before the tests start');
      return build;
    },
    cleanups,
  };
}

/** The environment without what a developer's shell may carry into a child process. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _d,
    REDIS_URL: _r,
    REDIS_CLUSTER_NODES: _c,
    JWT_SECRET: _j,
    ACCOUNTS_KEY: _a,
    NODE_ENV: _n,
    ...rest
  } = process.env;
  return rest;
}

/** What every process of one production deployment shares: database, Redis prefix, secrets. */
export interface Deployment {
  db: TestDatabase;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function testDeployment(
  env: Record<string, string> = {},
  options: { migrated?: boolean } = {},
): Promise<Deployment> {
  const db = await createTestDatabase(options);
  const dataDir = await mkdtemp(join(tmpdir(), 'jobswipe-prod-'));
  return {
    db,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('base64'),
      ACCOUNTS_KEY: randomBytes(32).toString('base64'),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WORKER_CONCURRENCY: '0',
      // Right-swipes are queued at once: the undo grace period has its own tests (undo-grace.test.ts).
      UNDO_GRACE_MS: '0',
      METRICS_TOKEN: randomBytes(16).toString('hex'),
      LOG_LEVEL: 'info',
      ...env,
    },
    async close() {
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BuiltNode extends EntryProcess {
  port: number;
  api: Api;
}

/** One built backend node of the deployment, on a port of its own. */
export async function startBuiltNode(
  build: BuiltBackend,
  deployment: Deployment,
  env: Record<string, string> = {},
): Promise<BuiltNode> {
  const port = await freePort();
  const started = await startEntryProcess(
    build.entries.main,
    { ...cleanEnv(), ...deployment.env, PORT: String(port), ...env },
    (line) => line.includes('JobSwipe is running'),
  );
  return { ...started, port, api: new Api(`http://127.0.0.1:${port}`) };
}

export interface BuiltWorker extends EntryProcess {
  /** Where its /healthz, /readyz and /metrics answer. */
  url: string;
}

/** A built server worker of the deployment, applying through `backendUrl` (its resume links). */
export async function startBuiltWorker(
  build: BuiltBackend,
  deployment: Deployment,
  backendUrl: string,
  env: Record<string, string> = {},
): Promise<BuiltWorker> {
  const started = await startEntryProcess(
    build.entries.worker,
    {
      ...cleanEnv(),
      ...deployment.env,
      PUBLIC_URL: backendUrl,
      WORKER_PORT: '0',
      WORKER_CONCURRENCY: '1',
      ...env,
    },
    (line) => line.includes('/metrics'),
  );
  const port = started.readyLine.match(/"port":(\d+)/)?.[1];
  return { ...started, url: `http://127.0.0.1:${port}` };
}
