import type { ErrorBody, ExecutionPreference, NextSwipe, SwipeResponse, UsageView, UserView } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayStart, monthStart } from '../src/quota/periods.ts';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

const prisma = () => backend.node.ctx.db.prisma;

describe('plan and usage', () => {
  it('shows a new user on the free plan with nothing used, next to every plan in order', async () => {
    const me = await signUp(backend.api);
    const res = await me.api.get<UsageView>('/v1/plan');
    expect(res.status).toBe(200);
    expect(res.body.plan).toEqual({
      id: 'free',
      name: 'Free',
      serverPerMonth: 5,
      totalPerMonth: 10,
      dailyLimit: 3,
      priceCents: 0,
      modelCallsPerMonth: 50,
      modelTokensPerMonth: 150_000,
    });
    expect(res.body.plans.map((p) => p.id)).toEqual(['free', 'basic', 'pro', 'premium', 'enterprise']);
    expect(res.body.plans.at(-1)).toMatchObject({
      serverPerMonth: null,
      totalPerMonth: null,
      dailyLimit: null,
      modelCallsPerMonth: null,
    });
    expect(res.body.usage).toEqual({
      serverThisMonth: 0,
      totalThisMonth: 0,
      today: 0,
      modelCallsThisMonth: 0,
      modelTokensThisMonth: 0,
    });
    expect(res.body.executionPreference).toBe('auto');
  });

  it("counts this day's and this month's usage, not another period's or another user's", async () => {
    const me = await signUp(backend.api);
    const other = await signUp(backend.api);
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    await prisma().usageCounter.createMany({
      data: [
        { userId: me.user.id, periodKind: 'day', periodStart: dayStart(now), serverUsed: 1, totalUsed: 2 },
        { userId: me.user.id, periodKind: 'month', periodStart: monthStart(now), serverUsed: 4, totalUsed: 7 },
        { userId: me.user.id, periodKind: 'month', periodStart: monthStart(lastMonth), serverUsed: 5, totalUsed: 10 },
        { userId: other.user.id, periodKind: 'day', periodStart: dayStart(now), serverUsed: 3, totalUsed: 3 },
      ],
    });
    const res = await me.api.get<UsageView>('/v1/plan');
    expect(res.body.usage).toEqual({
      serverThisMonth: 4,
      totalThisMonth: 7,
      today: 2,
      modelCallsThisMonth: 0,
      modelTokensThisMonth: 0,
    });
  });

  it('is only for signed-in users', async () => {
    expect((await backend.api.get('/v1/plan')).status).toBe(401);
    expect((await backend.api.put('/v1/settings', { executionPreference: 'device_only' })).status).toBe(401);
  });
});

describe('settings', () => {
  it('saves the execution preference, for this user only, and audits the change', async () => {
    const me = await signUp(backend.api);
    const other = await signUp(backend.api);
    const res = await me.api.put<UsageView>('/v1/settings', { executionPreference: 'device_only' });
    expect(res.status).toBe(200);
    expect(res.body.executionPreference).toBe('device_only');
    expect((await me.api.get<UserView>('/v1/me')).body.executionPreference).toBe('device_only');
    expect((await other.api.get<UsageView>('/v1/plan')).body.executionPreference).toBe('auto');
    const audit = await prisma().auditLog.findMany({ where: { userId: me.user.id, action: 'settings_changed' } });
    expect(audit.map((a) => a.data)).toEqual([{ executionPreference: 'device_only' }]);
  });

  it('turns "review drafted answers before submitting" on and off, for this user only, and keeps the other settings', async () => {
    const me = await signUp(backend.api);
    const other = await signUp(backend.api);
    expect((await me.api.get<UsageView>('/v1/plan')).body.reviewDrafts).toBe(false);
    const on = await me.api.put<UsageView>('/v1/settings', { reviewDrafts: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ reviewDrafts: true, executionPreference: 'auto' });
    expect((await me.api.get<UsageView>('/v1/plan')).body.reviewDrafts).toBe(true);
    expect((await other.api.get<UsageView>('/v1/plan')).body.reviewDrafts).toBe(false);
    // Another setting changed alone leaves it as it was.
    await me.api.put('/v1/settings', { undoGraceMs: 2_000 });
    expect((await me.api.get<UsageView>('/v1/plan')).body).toMatchObject({ reviewDrafts: true, undoGraceMs: 2_000 });
    const off = await me.api.put<UsageView>('/v1/settings', { reviewDrafts: false });
    expect(off.body.reviewDrafts).toBe(false);
    const refused = await me.api.put<ErrorBody>('/v1/settings', { reviewDrafts: 'yes' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/reviewDrafts/);
  });

  it('refuses an unknown preference with the allowed values, changing nothing', async () => {
    const me = await signUp(backend.api);
    const res = await me.api.put<ErrorBody>('/v1/settings', { executionPreference: 'anywhere' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/executionPreference/);
    expect(res.body.error.message).toMatch(/device_only/);
    const missing = await me.api.put<ErrorBody>('/v1/settings', {});
    expect(missing.status).toBe(400);
    expect((await me.api.get<UsageView>('/v1/plan')).body.executionPreference).toBe('auto');
  });

  it('says where the next right-swipe goes, and the swipe then goes there', async () => {
    const outcome = (res: SwipeResponse): NextSwipe => {
      const app = res.application!;
      if (app.status === 'SCHEDULED') return 'tomorrow';
      if (app.status === 'WAITING_QUOTA') return 'next_month';
      return app.lane;
    };
    const seen: Record<ExecutionPreference, NextSwipe[]> = { auto: [], device_only: [], server_only: [] };
    for (const preference of ['auto', 'device_only', 'server_only'] as const) {
      const me = await signUp(backend.api);
      await me.api.put('/v1/settings', { executionPreference: preference });
      // Four of the five server applications of the month are used already (on earlier days).
      await prisma().usageCounter.create({
        data: {
          userId: me.user.id,
          periodKind: 'month',
          periodStart: monthStart(new Date()),
          serverUsed: 4,
          totalUsed: 4,
        },
      });
      for (const job of await createJobs(prisma(), 4)) {
        const predicted = (await me.api.get<UsageView>('/v1/plan')).body.nextSwipe;
        const swiped = await me.api.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
        expect(outcome(swiped.body), `${preference}, swipe ${seen[preference].length + 1}`).toBe(predicted);
        seen[preference].push(predicted);
      }
    }
    // Free plan: 3 a day, 5 on the servers a month.
    expect(seen).toEqual({
      auto: ['server', 'device', 'device', 'tomorrow'],
      device_only: ['device', 'device', 'device', 'tomorrow'],
      server_only: ['server', 'next_month', 'next_month', 'next_month'],
    });
  });
});
