import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AuthResponse, ErrorBody, QueueStats, Readiness } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startNode } from '../src/node.ts';
import { Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { pairDevice, startDevice, submitted } from './support/devices.ts';
import { createJobs } from './support/factories.ts';
import { swipeRight, userWith } from './support/users.ts';

const METRICS_TOKEN = 'metrics-token-for-this-test-file';
const run = promisify(execFile);

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000', METRICS_TOKEN });
});
afterAll(() => backend.close());

const prisma = () => backend.node.ctx.db.prisma;

function makeOperator(email: string) {
  return run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../src/cli/make-operator.ts'), email], {
    env: { ...process.env, DATABASE_URL: backend.db.url },
  });
}

async function operator(): Promise<Api> {
  const me = await signUp(backend.api);
  const { stdout } = await makeOperator(me.user.email);
  expect(stdout).toMatch(/is now an operator/);
  const login = await backend.api.post<AuthResponse>('/v1/auth/login', { email: me.user.email, password: me.password });
  expect(login.body.user.role).toBe('operator');
  return backend.api.as(login.body.accessToken);
}

async function scrape(token = METRICS_TOKEN) {
  const res = await fetch(new URL('/metrics', backend.node.url), { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('make-operator', () => {
  it('refuses an unknown email, saying to sign up first', async () => {
    const failed = await makeOperator('nobody@example.com').catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/Sign up with it first/) });
  });
});

describe('queue stats', () => {
  it('shows operators the applications per status and lane, the oldest queued wait and devices online', async () => {
    const ops = await operator();
    const user = await signUp(backend.api);
    const jobs = await createJobs(prisma(), 4);
    const waitingSince = new Date(Date.now() - 90_000);
    await prisma().application.createMany({
      data: [
        { userId: user.user.id, jobId: jobs[0]!.id, status: 'QUEUED', lane: 'server', availableAt: waitingSince },
        { userId: user.user.id, jobId: jobs[1]!.id, status: 'QUEUED', lane: 'server' },
        { userId: user.user.id, jobId: jobs[2]!.id, status: 'QUEUED', lane: 'device' },
        { userId: user.user.id, jobId: jobs[3]!.id, status: 'SUBMITTED', lane: 'device' },
      ],
    });
    const device = { userId: user.user.id, kind: 'desktop' as const, name: 'd' };
    await prisma().device.createMany({
      data: [
        { ...device, tokenHash: 'online', lastSeenAt: new Date() },
        { ...device, tokenHash: 'stale', lastSeenAt: new Date(Date.now() - 5 * 60_000) },
        { ...device, tokenHash: 'revoked', lastSeenAt: new Date(), revokedAt: new Date() },
      ],
    });

    const res = await ops.get<QueueStats>('/v1/queue/stats');
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual([
      { status: 'QUEUED', lane: 'server', count: 2 },
      { status: 'QUEUED', lane: 'device', count: 1 },
      { status: 'SUBMITTED', lane: 'device', count: 1 },
    ]);
    expect(res.body.oldestQueuedAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(res.body.oldestQueuedAgeSeconds).toBeLessThan(3600);
    expect(res.body.devicesOnline).toBe(1);
  });

  it('is for operators only', async () => {
    const user = await signUp(backend.api);
    const refused = await user.api.get<ErrorBody>('/v1/queue/stats');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await backend.api.get('/v1/queue/stats')).status).toBe(401);
  });
});

describe('health', () => {
  it('answers /healthz, and /readyz with Postgres and Redis ready', async () => {
    expect((await backend.api.get('/healthz')).status).toBe(200);
    const ready = await backend.api.get<Readiness>('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', postgres: 'ready', redis: 'ready' });
  });

  it('answers /readyz with 503 while Postgres does not answer, and reports Redis degraded', async () => {
    const env = { ...backend.env, REDIS_URL: 'redis://127.0.0.1:1' };
    const node = await startNode(loadConfig(env), 'postgresql://postgres@127.0.0.1:1/nothing');
    try {
      const res = await new Api(node.url).get<Readiness>('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', postgres: 'down', redis: 'degraded' });
      expect((await new Api(node.url).get('/healthz')).status).toBe(200);
    } finally {
      await node.stop();
    }
  });
});

describe('metrics', () => {
  it('counts requests by route template and status, with process metrics, application gauges and Redis up', async () => {
    const me = await signUp(backend.api);
    await me.api.get(`/v1/devices/pair/${crypto.randomUUID()}`);
    await me.api.get(`/v1/devices/pair/${crypto.randomUUID()}`);
    await me.api.get('/v1/no-such-endpoint');
    const user = await signUp(backend.api);
    const [job] = await createJobs(prisma(), 1);
    await prisma().application.create({
      data: { userId: user.user.id, jobId: job!.id, status: 'NEEDS_ATTENTION', lane: 'device' },
    });

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toContain('http_requests_total{method="GET",route="/v1/devices/pair/:pairingId",status="404"} 2');
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/v1\/devices\/pair\/:pairingId",status="404"\} \d/,
    );
    expect(text).toContain('jobswipe_applications{status="NEEDS_ATTENTION",lane="device"} 1');
    expect(text).toContain('jobswipe_redis_up 1');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
  });

  it('counts what delivery does: offers, claims, heartbeats, outcomes per ATS, swipe to submitted, open sockets', async () => {
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api);
    const device = startDevice(backend.node.url, token, async (_order, control) => {
      await control.progress('fill', 50);
      return submitted;
    });
    try {
      const [id] = await swipeRight(user.api, prisma(), 1);
      await expect
        .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id: id! } })).status)
        .toBe('SUBMITTED');
      const { text } = await scrape();
      const value = (series: string) =>
        Number(text.match(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm'))?.[1]);
      expect(value('jobswipe_offers_total{lane="device"}')).toBeGreaterThanOrEqual(1);
      expect(value('jobswipe_claims_total{lane="device",result="claimed"}')).toBe(1);
      expect(value('jobswipe_heartbeats_total{lane="device"}')).toBeGreaterThanOrEqual(1);
      const [job] = await prisma().job.findMany({ where: { applications: { some: { id: id! } } } });
      expect(
        value(`jobswipe_application_outcomes_total{ats="${job!.atsKind}",lane="device",outcome="submitted"}`),
      ).toBe(1);
      expect(value('jobswipe_swipe_to_submitted_seconds_count{lane="device"}')).toBe(1);
      expect(value('jobswipe_device_sockets')).toBe(1);
      expect(value('jobswipe_postgres_up')).toBe(1);
      expect(value('jobswipe_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    } finally {
      await device.client.stop();
    }
  });

  it('requires the metrics token when one is configured', async () => {
    expect((await scrape('wrong-token-of-some-length')).status).toBe(401);
    expect((await fetch(new URL('/metrics', backend.node.url))).status).toBe(401);
  });
});
