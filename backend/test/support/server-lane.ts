// The world of the worker's tests: applicants with a real profile and resume, jobs pointing at a
// practice ATS, and server workers that each have their own context (as separate worker processes
// would), sharing the backend's database, Redis prefix and data directory.
import { randomUUID } from 'node:crypto';
// The applicant the engine's own tests apply as: its profile fills every practice form.
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import type { Job, PrismaClient } from '@jobswipe/db';
import { type PracticeAts, practiceJobs } from '@jobswipe/practice-ats';
import type { SwipeResponse } from '@jobswipe/protocol';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { type AppContext, createContext } from '../../src/context.ts';
import { waitForRedis } from '../../src/redis/connection.ts';
import { type ServerWorker, type ServerWorkerOptions, startServerWorker } from '../../src/worker/server-worker.ts';
import type { Api } from './api.ts';
import type { TestBackend } from './backend.ts';
import { minimalPdf } from './documents.ts';
import { createJobs } from './factories.ts';
import { userWith } from './users.ts';

/** Practice postings whose forms that profile fills completely (no custom question is required). */
export const FILLABLE = [
  '4012388',
  '4012401',
  '5123001',
  '5123002',
  '7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31',
  'e7f2b5c8-1a4d-4c0e-8b3f-9d6a2e5c1f08',
];
export const CAPTCHA = 'port-analyst-captcha';
export const SLOW = '4012477';

/** A user on a plan with server applications, a filled-in profile and a resume. */
export function applicant(backend: TestBackend, preference: 'auto' | 'server_only' = 'server_only') {
  return applicantOn(backend.api, backend.node.ctx.db.prisma, preference);
}

/** The same, signed up through any node's API (a built deployment's, say). */
export async function applicantOn(
  api: Api,
  prisma: PrismaClient,
  preference: 'auto' | 'server_only' | 'device_only' = 'server_only',
) {
  const user = await userWith(api, prisma, { plan: 'enterprise', preference });
  const profile = await user.api.put('/v1/profile', PROFILE);
  if (profile.status !== 200) throw new Error(`profile not saved: ${JSON.stringify(profile.body)}`);
  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array(minimalPdf('Ada Lovelace - Resume'))], { type: 'application/pdf' }),
    'ada-lovelace-resume.pdf',
  );
  const resume = await user.api.request('POST', '/v1/profile/resumes', undefined, { raw: form });
  if (resume.status !== 201) throw new Error(`resume not saved: ${JSON.stringify(resume.body)}`);
  return user;
}

export interface PostedJob {
  job: Job;
  /** The practice posting's id, which its pages' paths carry. */
  postingId: string;
}

/** Jobs in the catalog for these practice postings (by id), in that order; `query` is added to their apply URLs. */
export async function practicePostings(
  prisma: PrismaClient,
  ats: PracticeAts,
  postingIds: string[],
  query = '',
): Promise<PostedJob[]> {
  const catalog = practiceJobs(ats.url);
  const posted: PostedJob[] = [];
  for (const postingId of postingIds) {
    const posting = catalog.find((p) => p.externalId === postingId);
    if (!posting) throw new Error(`no practice posting ${postingId}`);
    const [job] = await createJobs(prisma, 1, {
      source: `practice-${posting.ats}`,
      externalId: randomUUID(),
      company: posting.company,
      title: posting.title,
      applyUrl: posting.applyUrl + query,
      atsKind: posting.ats,
    });
    posted.push({ job: job!, postingId });
  }
  return posted;
}

/** Swipes right on each job; returns the application ids in order. */
export async function swipeAll(user: Awaited<ReturnType<typeof applicant>>, jobs: PostedJob[]): Promise<string[]> {
  const ids: string[] = [];
  for (const { job } of jobs) {
    const res = await user.api.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    if (!res.body.application) throw new Error(`swipe failed: ${JSON.stringify(res.body)}`);
    ids.push(res.body.application.id);
  }
  return ids;
}

export interface TestWorker {
  worker: ServerWorker;
  ctx: AppContext;
  stop(graceMs?: number): Promise<void>;
}

/** A server worker with a context of its own, configured by `env` on top of the backend's. */
export async function startTestWorker(
  backend: TestBackend,
  browser: Browser,
  env: Record<string, string> = {},
  options: ServerWorkerOptions = {},
): Promise<TestWorker> {
  const config = loadConfig({ ...backend.env, PUBLIC_URL: backend.node.url, ...env });
  const ctx = createContext(config, backend.db.url);
  await waitForRedis(ctx.redis, 2_000);
  const worker = await startServerWorker(ctx, { browser, blockMs: 200, ...options });
  let stopped = false;
  return {
    worker,
    ctx,
    async stop(graceMs = 0) {
      if (stopped) return;
      stopped = true;
      await worker.stop(graceMs);
      await ctx.close();
    },
  };
}

/** The proxies (by Via name; null: direct) that the practice ATS saw one posting's requests come through. */
export function proxiesOf(ats: PracticeAts, posted: PostedJob): Set<string | null> {
  return new Set(
    ats.requests
      .list()
      .filter((r) => r.path.includes(posted.postingId))
      // tinyproxy says "1.1 <its ViaProxyName> (tinyproxy/<version>)".
      .map((r) => r.via?.split(' ')[1] ?? null),
  );
}
