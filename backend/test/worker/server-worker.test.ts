// The server worker end to end: real backend, Postgres, Redis, practice ATS, Chromium, and real
// proxies (tinyproxy) on loopback. One browser for the file; each test has its own backend,
// practice ATS and proxies, so no test sees another's queue, limits or proxy health.

import { launchBrowser } from '@jobswipe/automations/runner/browser';
import { startTinyproxy, type TestProxy } from '@jobswipe/automations/testing/tinyproxy';
import { type PracticeAts, startPracticeAts } from '@jobswipe/practice-ats';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import {
  applicant,
  CAPTCHA,
  FILLABLE,
  type PostedJob,
  practicePostings,
  proxiesOf,
  SLOW,
  startTestWorker,
  swipeAll,
  type TestWorker,
} from '../support/server-lane.ts';
import { claimCounts } from '../support/users.ts';

let browser: Browser;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  browser = (await launchBrowser()).browser;
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => browser.close());

/** A backend, a practice ATS and `proxies` tinyproxies, all torn down after the test. */
async function world(proxyNames: string[] = []) {
  const backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000' });
  cleanups.push(() => backend.close());
  const ats = await startPracticeAts();
  cleanups.push(() => ats.close());
  const proxies = await Promise.all(proxyNames.map((name) => startTinyproxy(name)));
  cleanups.push(() => Promise.all(proxies.map((p) => p.close())));
  return { backend, ats, proxies, prisma: backend.node.ctx.db.prisma };
}

async function worker(
  backend: TestBackend,
  env: Record<string, string>,
  options: Parameters<typeof startTestWorker>[3] = {},
): Promise<TestWorker> {
  const started = await startTestWorker(backend, browser, env, options);
  cleanups.push(() => started.stop());
  return started;
}

const proxyEnv = (proxies: TestProxy[]) => ({ PROXY_URLS: proxies.map((p) => p.url).join(',') });

/** Each application's status, with its last error when there is one (so a failure says why). */
async function statuses(backend: TestBackend, ids: string[]): Promise<string[]> {
  const rows = await backend.node.ctx.db.prisma.application.findMany({ where: { id: { in: ids } } });
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    return row?.lastError ? `${row.status}: ${row.lastError}` : (row?.status ?? 'missing');
  });
}

function submissionsOf(ats: PracticeAts, posted: PostedJob[]): number[] {
  return posted.map((p) => ats.submissions.list({ jobId: p.postingId }).length);
}

/** The value of a metric sample on the worker's registry, 0 when never counted. */
async function metric(w: TestWorker, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metrics = await w.ctx.metrics.registry.getMetricsAsJSON();
  const values = metrics.find((m) => m.name === name)?.values ?? [];
  const match = values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value));
  return match?.value ?? 0;
}

describe('the server worker', () => {
  it('applies each server-lane swipe exactly once through one proxy per attempt, spread over the pool, with evidence', {
    timeout: 90_000,
  }, async () => {
    const { backend, ats, proxies, prisma } = await world(['proxy-a', 'proxy-b', 'proxy-c']);
    const user = await applicant(backend);
    const posted = await practicePostings(prisma, ats, FILLABLE);
    const ids = await swipeAll(user, posted);
    await worker(backend, proxyEnv(proxies), { concurrency: 2 });

    await expect.poll(() => statuses(backend, ids), { timeout: 75_000 }).toEqual(ids.map(() => 'SUBMITTED'));
    expect(submissionsOf(ats, posted)).toEqual(posted.map(() => 1));
    expect([...(await claimCounts(prisma, ids)).values()]).toEqual(ids.map(() => 1));

    // Sticky: every request for one posting came through one proxy; together they used them all.
    const used = posted.map((p) => [...proxiesOf(ats, p)]);
    for (const names of used) expect(names).toHaveLength(1);
    expect(new Set(used.flat())).toEqual(new Set(['proxy-a', 'proxy-b', 'proxy-c']));

    for (const id of ids) {
      const evidence = await prisma.evidence.findMany({ where: { applicationId: id } });
      expect(evidence.map((e) => [e.kind, e.attempt, e.mime])).toEqual([['confirmation_page', 1, 'image/png']]);
      const submitted = await prisma.applicationEvent.findFirstOrThrow({
        where: { applicationId: id, toStatus: 'SUBMITTED' },
      });
      expect(submitted.data).toMatchObject({ evidenceIds: [evidence[0]!.id] });
      const file = await user.api.request('GET', `/v1/applications/${id}/evidence/${evidence[0]!.id}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
    }
  });

  it('scores down a proxy that starts refusing and avoids it, without costing the applications an attempt', {
    timeout: 90_000,
  }, async () => {
    const { backend, ats, proxies, prisma } = await world(['proxy-a', 'proxy-b', 'proxy-c']);
    const refusing = proxies[1]!;
    await refusing.close();
    const user = await applicant(backend);
    const posted = await practicePostings(prisma, ats, FILLABLE.slice(0, 4));
    const ids = await swipeAll(user, posted);
    // A rest longer than any run, however slow the machine: the refused proxy is tried once only.
    const w = await worker(
      backend,
      { ...proxyEnv(proxies), PROXY_COOLDOWN_MS: String(30 * 60_000) },
      { concurrency: 1 },
    );

    await expect.poll(() => statuses(backend, ids), { timeout: 75_000 }).toEqual(ids.map(() => 'SUBMITTED'));
    const apps = await prisma.application.findMany({ where: { id: { in: ids } } });
    expect(apps.map((a) => a.attempt)).toEqual(ids.map(() => 1));
    expect(submissionsOf(ats, posted)).toEqual(posted.map(() => 1));

    // Tried once, refused, then left to rest while the others carried every application.
    const label = refusing.url;
    expect(await metric(w, 'jobswipe_proxy_attempts_total', { proxy: label, verdict: 'failed' })).toBe(1);
    expect(await metric(w, 'jobswipe_proxy_attempts_total', { proxy: label, verdict: 'ok' })).toBe(0);
    expect(await metric(w, 'jobswipe_proxy_usable', { proxy: label })).toBe(0);
    const endpoint = w.worker.proxies.endpoints.find((e) => e.label === label)!;
    expect((await w.worker.proxies.health()).get(endpoint.id)).toMatchObject({ failures: 1, failed: 1 });
    for (const p of posted) expect([...proxiesOf(ats, p)]).not.toContain(refusing.name);
  });

  it('hands a CAPTCHA to the user’s devices, gives back the server quota, and keeps that proxy away from the site for every worker', {
    timeout: 90_000,
  }, async () => {
    const { backend, ats, proxies, prisma } = await world(['proxy-a', 'proxy-b', 'proxy-c']);
    const user = await applicant(backend, 'auto');
    const [captcha] = await practicePostings(prisma, ats, [CAPTCHA]);
    const [blockedId] = await swipeAll(user, [captcha!]);
    const first = await worker(backend, proxyEnv(proxies), { concurrency: 1 });

    await expect
      .poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id: blockedId! } })).lane, {
        timeout: 30_000,
      })
      .toBe('device');
    const escalated = await prisma.application.findUniqueOrThrow({ where: { id: blockedId! } });
    expect(escalated).toMatchObject({ status: 'QUEUED', lane: 'device', serverReserved: false, errorClass: 'blocked' });
    const usage = await prisma.usageCounter.findMany({ where: { userId: user.user.id } });
    expect(usage.map((u) => [u.periodKind, u.serverUsed, u.totalUsed]).sort()).toEqual([
      ['day', 0, 1],
      ['month', 0, 1],
    ]);
    expect(await prisma.evidence.count({ where: { applicationId: blockedId!, kind: 'page_html' } })).toBe(1);
    // The CAPTCHA was met through one of our proxies, and only one: that is the proxy to keep away.
    const through = [...proxiesOf(ats, captcha!)];
    expect(through).toHaveLength(1);
    expect(proxies.map((p) => p.name)).toContain(through[0]);
    const blocked = proxies.find((p) => p.name === through[0])!;
    await first.stop();

    // Another worker, with nothing in memory: it learns of the block from Redis.
    const posted = await practicePostings(prisma, ats, FILLABLE.slice(0, 5));
    const ids = await swipeAll(user, posted);
    const second = await worker(backend, proxyEnv(proxies), { concurrency: 1 });
    await expect.poll(() => statuses(backend, ids), { timeout: 75_000 }).toEqual(ids.map(() => 'SUBMITTED'));
    for (const p of posted) expect([...proxiesOf(ats, p)]).not.toContain(blocked.name);
    const host = new URL(ats.url).host;
    const endpoint = second.worker.proxies.endpoints.find((e) => e.label === blocked.url)!;
    expect((await second.worker.proxies.health()).get(endpoint.id)?.blocks[host]).toMatchObject({ count: 1 });
  });

  it('holds a host to its rate across two workers: the rest wait, then apply once the window frees', {
    timeout: 90_000,
  }, async () => {
    const { backend, ats, prisma } = await world();
    const user = await applicant(backend);
    const posted = await practicePostings(prisma, ats, FILLABLE.slice(0, 4));
    const ids = await swipeAll(user, posted);
    const limits = { HOST_RATE_LIMIT_PER_MINUTE: '2' };
    const a = await worker(backend, limits, { concurrency: 2, rateWindowMs: 12_000 });
    const b = await worker(backend, limits, { concurrency: 2, rateWindowMs: 12_000 });

    const waiting = () =>
      prisma.applicationEvent.findMany({
        where: { applicationId: { in: ids }, message: { contains: 'applications per 12 s from us' } },
        distinct: ['applicationId'],
      });
    // Four slots across the workers, four applications, two allowed per window: two apply (and the
    // site saw just those two), two wait.
    await expect
      .poll(
        async () => [
          (await statuses(backend, ids)).filter((s) => s === 'SUBMITTED').length,
          (await waiting()).length,
          ats.submissions.list().length,
        ],
        { timeout: 30_000 },
      )
      .toEqual([2, 2, 2]);

    await expect.poll(() => statuses(backend, ids), { timeout: 45_000 }).toEqual(ids.map(() => 'SUBMITTED'));
    expect(submissionsOf(ats, posted)).toEqual(posted.map(() => 1));
    expect(
      (await metric(a, 'jobswipe_worker_rate_limit_waits_total')) +
        (await metric(b, 'jobswipe_worker_rate_limit_waits_total')),
    ).toBeGreaterThanOrEqual(2);
  });

  it('puts off an application whose site has no slot for long, and applies other sites meanwhile', {
    timeout: 90_000,
  }, async () => {
    const { backend, ats, prisma } = await world();
    const other = await startPracticeAts();
    cleanups.push(() => other.close());
    const user = await applicant(backend);
    const limited = await practicePostings(prisma, ats, FILLABLE.slice(0, 2));
    const elsewhere = await practicePostings(prisma, other, FILLABLE.slice(2, 3));
    const [first, second, third] = await swipeAll(user, [...limited, ...elsewhere]);
    const host = new URL(ats.url).host;
    // One slot: were the second application to sit out its minute, the third would wait with it.
    await worker(backend, { HOST_RATE_LIMITS: `${host}=1` }, { concurrency: 1 });

    await expect
      .poll(() => statuses(backend, [first!, third!]), { timeout: 60_000 })
      .toEqual(['SUBMITTED', 'SUBMITTED']);
    const putOff = await prisma.application.findUniqueOrThrow({ where: { id: second! } });
    expect(putOff).toMatchObject({ status: 'RETRY_SCHEDULED', attempt: 0, leaseOwner: null });
    expect(putOff.availableAt.getTime() - Date.now()).toBeGreaterThan(20_000);
    const event = await prisma.applicationEvent.findFirstOrThrow({
      where: { applicationId: second!, toStatus: 'RETRY_SCHEDULED' },
    });
    expect(event.message).toContain(`${host} gets at most 1 application per 60 s from us`);
    expect(ats.submissions.list()).toHaveLength(1);
    expect(other.submissions.list()).toHaveLength(1);
  });

  it('hands held work back at once when it shuts down', { timeout: 60_000 }, async () => {
    const { backend, ats, prisma } = await world();
    const user = await applicant(backend);
    const posted = await practicePostings(prisma, ats, [SLOW], '?delay=20000');
    const [id] = await swipeAll(user, posted);
    const w = await worker(backend, {}, { concurrency: 1 });
    await expect
      .poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id: id! } })).status, {
        timeout: 20_000,
      })
      .toBe('RUNNING');

    await w.stop(0);
    const app = await prisma.application.findUniqueOrThrow({ where: { id: id! } });
    // Not left RUNNING until its 60 s lease lapses: queued again now, the attempt not counted.
    expect(app).toMatchObject({ status: 'QUEUED', lane: 'server', attempt: 0, leaseOwner: null });
    const last = await prisma.applicationEvent.findFirstOrThrow({
      where: { applicationId: id!, type: 'status' },
      orderBy: { id: 'desc' },
    });
    expect(last).toMatchObject({ fromStatus: 'RUNNING', toStatus: 'QUEUED' });
    expect(last.message).toMatch(/^Handed back/);
    expect(ats.submissions.list()).toEqual([]);
  });
});
