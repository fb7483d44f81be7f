import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transition } from '../../src/applications/transition.ts';
import { inTransaction } from '../../src/db/unit-of-work.ts';
import { claim } from '../../src/leases/claim.ts';
import { recordResult } from '../../src/leases/record-result.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { swipeRight, usedThisMonth, userWith } from '../support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;
const ctx = () => backend.node.ctx;
const worker = { kind: 'server' as const, workerId: 'w1' };

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', REAPER_INTERVAL_MS: '600000' });
});
afterAll(() => backend.close());

const status = async (id: string) => (await prisma().application.findUniqueOrThrow({ where: { id } })).status;

describe('the scheduler', () => {
  it('queues a retry once its backoff is over', async () => {
    const user = await userWith(backend.api, prisma(), { preference: 'server_only' });
    const [id] = await swipeRight(user.api, prisma(), 1);
    const claimed = await claim(ctx(), worker, id!);
    if (!claimed.ok) throw new Error('claim failed');
    await recordResult(ctx(), worker, {
      applicationId: id!,
      leaseToken: claimed.application.leaseToken,
      outcome: 'failed',
      errorClass: 'retryable',
      message: 'timeout',
      confirmation: null,
      unanswered: [],
      evidenceIds: [],
    });
    expect(await status(id!)).toBe('RETRY_SCHEDULED');
    await backend.node.recovery.tick();
    expect(await status(id!)).toBe('RETRY_SCHEDULED');
    await prisma().application.update({ where: { id }, data: { availableAt: new Date(Date.now() - 1000) } });
    await backend.node.recovery.tick();
    expect(await status(id!)).toBe('QUEUED');
  });

  it("queues tomorrow's applications with tomorrow's quota, and defers what still does not fit", async () => {
    const user = await userWith(backend.api, prisma(), { plan: 'free', preference: 'auto' });
    const ids = await swipeRight(user.api, prisma(), 7);
    const scheduled = await prisma().application.findMany({ where: { id: { in: ids }, status: 'SCHEDULED' } });
    expect(scheduled).toHaveLength(4);
    // Yesterday's usage: today's quota is free again. Pretend the day has turned.
    await prisma().usageCounter.updateMany({
      where: { userId: user.user.id, periodKind: 'day' },
      data: { periodStart: new Date('2000-01-01') },
    });
    await prisma().application.updateMany({
      where: { id: { in: scheduled.map((s) => s.id) } },
      data: { availableAt: new Date(0) },
    });
    await backend.node.recovery.tick();
    const promoted = await prisma().application.findMany({ where: { id: { in: scheduled.map((s) => s.id) } } });
    // A free plan: 3 a day, 5 on our servers a month (3 used yesterday): 2 server, 1 device, 1 waits.
    expect(promoted.map((p) => p.status).sort()).toEqual(['QUEUED', 'QUEUED', 'QUEUED', 'SCHEDULED']);
    expect(
      promoted
        .filter((p) => p.status === 'QUEUED')
        .map((p) => p.lane)
        .sort(),
    ).toEqual(['device', 'server', 'server']);
    const waiting = promoted.find((p) => p.status === 'SCHEDULED')!;
    expect(waiting.availableAt.getTime()).toBeGreaterThan(Date.now());
    expect(waiting.quotaDay).toBeNull();
  });

  it('a change of preference lets applications waiting on the server quota go to the devices at once', async () => {
    const user = await userWith(backend.api, prisma(), { plan: 'basic', preference: 'server_only' });
    await usedThisMonth(prisma(), user.user.id, { total: 25, server: 25 });
    const ids = await swipeRight(user.api, prisma(), 2);
    expect(await Promise.all(ids.map(status))).toEqual(['WAITING_QUOTA', 'WAITING_QUOTA']);
    expect((await user.api.put('/v1/settings', { executionPreference: 'auto' })).status).toBe(200);
    await backend.node.recovery.tick();
    const apps = await prisma().application.findMany({ where: { id: { in: ids } } });
    expect(apps.map((a) => `${a.status}/${a.lane}`)).toEqual(['QUEUED/device', 'QUEUED/device']);
  });

  it('takes back a lapsed lease: queued again with the attempt counted, DEAD after the last one', async () => {
    const user = await userWith(backend.api, prisma(), { preference: 'server_only' });
    const [id] = await swipeRight(user.api, prisma(), 1);
    await prisma().application.update({ where: { id }, data: { maxAttempts: 2 } });
    for (const expected of ['QUEUED', 'DEAD']) {
      const claimed = await claim(ctx(), worker, id!);
      expect(claimed.ok).toBe(true);
      await prisma().application.update({ where: { id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
      await backend.node.recovery.tick();
      expect(await status(id!)).toBe(expected);
    }
    const app = await prisma().application.findUniqueOrThrow({ where: { id } });
    expect(app.attempt).toBe(2);
    expect(app.lastError).toMatch(/stopped responding/);
  });

  it('does not take back a lease renewed in time', async () => {
    const user = await userWith(backend.api, prisma(), { preference: 'server_only' });
    const [id] = await swipeRight(user.api, prisma(), 1);
    await claim(ctx(), worker, id!);
    await backend.node.recovery.tick();
    expect(await status(id!)).toBe('CLAIMED');
    await expect(
      inTransaction(ctx(), (uow) =>
        transition(uow, { applicationId: id!, name: 'lapse', to: 'QUEUED', actor: 'test', onlyIfLeaseExpired: true }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
