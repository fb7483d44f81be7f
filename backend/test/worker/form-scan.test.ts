// The page scan for jobs whose ATS publishes no questions: the practice ATS's Lever, Ashby,
// careers-page and Workday postings, scanned in real Chromium through the egress proxy. The scan
// reads what the form asks, posts nothing (the practice ATS's request log), goes through the
// address check, the per-host limiter and the server lane's proxies, and leaves a board API's questions alone.
import { randomUUID } from 'node:crypto';
import { launchBrowser } from '@jobswipe/automations/runner/browser';
import { startTinyproxy } from '@jobswipe/automations/testing/tinyproxy';
import { type Database, openDatabase } from '@jobswipe/db';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import { formSpec, type PracticeAts, practiceJobs, startPracticeAts } from '@jobswipe/practice-ats';
import { JobQuestions, normalizeQuestion } from '@jobswipe/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressCheck } from '../../src/egress/address-check.ts';
import { EgressProxy } from '../../src/egress/egress-proxy.ts';
import { type FormScanDeps, scanPendingForms } from '../../src/jobs/form-scan/form-scanner.ts';
import { saveJobs } from '../../src/jobs/import/save-jobs.ts';
import { createLogger } from '../../src/logger.ts';
import { serverLaneProxies } from '../../src/proxies/server-lane-proxies.ts';
import { HostRateLimiter } from '../../src/rate-limits/host-rate-limit.ts';
import { connectRedis, waitForRedis } from '../../src/redis/connection.ts';
import { RedisKeys } from '../../src/redis/keys.ts';

const log = createLogger('silent');
let browser: Browser;
let ats: PracticeAts;
let testDb: TestDatabase;
let db: Database;
let egress: EgressProxy;
const redis = connectRedis({ REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, log, 'form-scan-test');
const taken: string[] = [];

beforeAll(async () => {
  [browser, ats, testDb] = await Promise.all([
    launchBrowser().then((b) => b.browser),
    startPracticeAts({ port: 0 }),
    createTestDatabase(),
    waitForRedis(redis, 2_000),
  ]);
  db = openDatabase(testDb.url);
  egress = await EgressProxy.start(new AddressCheck({ allow: new URL(ats.url).host }), log);
});
afterAll(async () => {
  await egress?.close();
  await db?.close();
  await testDb?.drop();
  await ats?.close();
  await browser?.close();
  redis.disconnect();
});

/** No proxies configured: the pool sends every scan direct (what ProxyPool does with none). */
const DIRECT: FormScanDeps['proxies'] = { pick: async () => ({ kind: 'direct' }) };

function deps(check = new AddressCheck({ allow: new URL(ats.url).host }), proxies = DIRECT): FormScanDeps {
  const limiter = new HostRateLimiter(
    redis,
    new RedisKeys(`scan-test-${randomUUID()}`),
    { perMinute: 100, overrides: {} },
    log,
  );
  return {
    db,
    browser: async () => browser,
    check,
    egress,
    slots: {
      take: (host, signal, onWait, maxWaitMs) => {
        taken.push(host);
        return limiter.take(host, signal, onWait, maxWaitMs);
      },
    },
    proxies,
    log,
  };
}

/** One practice posting of each kind, saved as an import would (no questions: their APIs publish none). */
async function saveOne(kind: string, scenario = 'normal') {
  const posting = practiceJobs(ats.url).find((p) => p.ats === kind && p.scenario === scenario && p.split === 'tuned');
  if (!posting) throw new Error(`no ${kind} posting`);
  await saveJobs(db, [
    {
      source: `practice-${kind}`,
      externalId: posting.externalId,
      company: posting.company,
      title: posting.title,
      location: posting.location,
      country: null,
      remote: posting.remote,
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
      description: posting.description,
      keyPoints: [],
      applyUrl: posting.applyUrl,
      atsKind: kind,
      postedAt: new Date(),
      employmentType: null,
      logoUrl: null,
    },
  ]);
  const job = await db.prisma.job.findFirstOrThrow({
    where: { source: `practice-${kind}`, externalId: posting.externalId },
  });
  return { job, posting };
}

/** The required fields of a practice form (its answer key), and the custom questions among them. */
function required(kind: string, id: string) {
  const fields = formSpec(kind, id).fields.filter(
    (f) => f.required && !f.alternativeTo && f.asks.kind !== 'system' && f.asks.kind !== 'honeypot',
  );
  return {
    count: fields.length,
    custom: fields.filter((f) => f.asks.kind === 'question').map((f) => normalizeQuestion(f.label)),
  };
}

describe('the form scan', () => {
  it.each(['lever', 'ashby', 'careers'])(
    'reads a %s form from its page, posting nothing',
    { timeout: 60_000 },
    async (kind) => {
      const { job, posting } = await saveOne(kind);
      const before = ats.requests.list().length;
      const [report] = await scanPendingForms(deps(), [job.id], new AbortController().signal);
      expect(report).toMatchObject({ jobId: job.id, outcome: 'scanned' });
      expect(taken).toContain(`scan:${new URL(posting.applyUrl).host}`);

      const row = await db.prisma.jobForm.findUniqueOrThrow({ where: { jobId: job.id } });
      const form = JobQuestions.parse({ ...row, checkedAt: row.checkedAt.toISOString() });
      expect(form).toMatchObject({ source: 'page_scan', complete: true });
      // Labels as the engine reads them on the page (a run keys saved answers the same way); the
      // custom questions, which only the user can answer, word for word.
      const scanned = form.questions.filter((q) => q.required).map((q) => q.key);
      const want = required(kind, posting.externalId);
      expect(scanned).toHaveLength(want.count);
      expect(scanned).toEqual(expect.arrayContaining(want.custom));

      const requests = ats.requests.list().slice(before);
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
    },
  );

  it('records what it can see of a Workday form and says the rest is unknown', { timeout: 60_000 }, async () => {
    const { job } = await saveOne('workday');
    const before = ats.requests.list().length;
    const [report] = await scanPendingForms(deps(), [job.id], new AbortController().signal);
    expect(report).toMatchObject({ outcome: 'scanned', complete: false });
    const row = await db.prisma.jobForm.findUniqueOrThrow({ where: { jobId: job.id } });
    expect(row).toMatchObject({ source: 'page_scan', complete: false });
    expect(
      ats.requests
        .list()
        .slice(before)
        .filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    ).toEqual([]);
  });

  it('refuses a page the address check refuses, and saves nothing', async () => {
    const { job } = await saveOne('lever', 'normal');
    await db.prisma.jobForm.deleteMany({ where: { jobId: job.id } });
    const [report] = await scanPendingForms(deps(new AddressCheck()), [job.id], new AbortController().signal);
    expect(report).toMatchObject({ outcome: 'refused' });
    expect(report?.message).toMatch(/loopback/);
    expect(await db.prisma.jobForm.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("goes out through the server lane's proxies", { timeout: 60_000 }, async () => {
    const proxy = await startTinyproxy('scan-proxy');
    try {
      const proxies = await serverLaneProxies(
        { PROXY_URLS: proxy.url, PROXY_FILE: undefined, PROXY_COOLDOWN_MS: 30_000, PROXY_BLOCK_COOLDOWN_MS: 600_000 },
        { redis, keys: new RedisKeys(`scan-test-${randomUUID()}`), log },
      );
      const { job, posting } = await saveOne('ashby');
      await db.prisma.jobForm.deleteMany({ where: { jobId: job.id } });
      const before = ats.requests.list().length;
      const [report] = await scanPendingForms(deps(undefined, proxies), [job.id], new AbortController().signal);
      expect(report).toMatchObject({ outcome: 'scanned' });
      const seen = ats.requests
        .list()
        .slice(before)
        .filter((r) => r.path.includes(posting.externalId));
      expect(seen.length).toBeGreaterThan(0);
      // tinyproxy says "1.1 <its ViaProxyName> (tinyproxy/<version>)".
      expect(new Set(seen.map((r) => r.via?.split(' ')[1]))).toEqual(new Set(['scan-proxy']));
      // The scan told the pool how the proxy did, as an application would.
      expect([...(await proxies.health()).values()]).toEqual([expect.objectContaining({ ok: 1, failed: 0 })]);
    } finally {
      await proxy.close();
    }
  });

  it("never replaces a board API's questions", async () => {
    const { job } = await saveOne('ashby');
    await db.prisma.jobForm.upsert({
      where: { jobId: job.id },
      create: { jobId: job.id, source: 'board_api', complete: true, questions: [] },
      update: { source: 'board_api', complete: true, questions: [] },
    });
    expect(await scanPendingForms(deps(), [job.id], new AbortController().signal)).toEqual([]);
    expect(await db.prisma.jobForm.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({
      source: 'board_api',
    });
  });
});
