// Both executors at once, for real: a server worker (in-process, headless Chromium through real
// proxies) and the desktop agent (`npm run agent`). A free user's swipes beyond the server quota
// go to the user's device while the server applies the rest; a CAPTCHA met on the server lane is
// handed to the agent; a login wall waits for the user's password, then completes.

import { startTinyproxy, type TestProxy } from '@jobswipe/automations/testing/tinyproxy';
import { serverUsedThisMonth, usedThisMonth } from '@jobswipe/backend/testing/users';
import { type ServerWorker, startServerWorker } from '@jobswipe/backend/worker/server-worker';
import { type ApplicationSummary, accountPasswordQuestion } from '@jobswipe/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { watchEvents } from './support/events-stream.ts';
import { type Applicant, postings, startWorld, swipeRight, type World } from './support/world.ts';

let world: World;
let proxies: TestProxy[];
let worker: ServerWorker | null = null;

beforeAll(async () => {
  proxies = await Promise.all([startTinyproxy('lane-proxy-a'), startTinyproxy('lane-proxy-b')]);
  world = await startWorld({ PROXY_URLS: proxies.map((p) => p.url).join(','), HOST_RATE_LIMIT_PER_MINUTE: '600' });
});
afterEach(async () => {
  await world.stopAgents();
  await worker?.stop(0);
  worker = null;
});
afterAll(async () => {
  await world?.close();
  await Promise.all(proxies.map((p) => p.close()));
});

async function startWorker() {
  worker = await startServerWorker(world.backend.node.ctx, { concurrency: 2 });
  return worker;
}

/** The user's plan, preference and what they used of their server quota this month. */
async function onPlan(
  applicant: Applicant,
  plan: string,
  preference: 'auto' | 'device_only' | 'server_only',
  serverUsed = 0,
) {
  await world.prisma.user.update({
    where: { id: applicant.userId },
    data: { planId: plan, executionPreference: preference },
  });
  await usedThisMonth(world.prisma, applicant.userId, { total: serverUsed, server: serverUsed });
}

async function settled(ids: string[], statuses = ['SUBMITTED', 'NEEDS_ATTENTION', 'FAILED', 'DEAD']) {
  await expect
    .poll(
      async () =>
        (await world.prisma.application.findMany({ where: { id: { in: ids } } })).every((a) =>
          statuses.includes(a.status),
        ),
      { timeout: 180_000, interval: 500 },
    )
    .toBe(true);
  return world.prisma.application.findMany({
    where: { id: { in: ids } },
    include: { events: { orderBy: { id: 'asc' } } },
  });
}

const submissionsOf = (p: { ats: string; externalId: string }) =>
  world.ats.submissions.list({ ats: p.ats, jobId: p.externalId });

describe('the server lane and the device lane together', () => {
  it("a free user's swipes beyond the server quota go to their device; the server applies the rest through the proxies", {
    timeout: 300_000,
  }, async () => {
    const [one, two, three] = postings().filter((p) => ['careers', 'lever', 'workable'].includes(p.ats));
    const picked = [one!, two!, three!];
    const applicant = await world.applicant(picked);
    // Free: 5 on our servers a month, 4 used already: one more goes to the server lane.
    await onPlan(applicant, 'free', 'auto', 4);
    const agentDir = await world.pairedAgentDir(applicant);
    await startWorker();
    world.ats.requests.clear();
    const ids = await swipeRight(
      applicant,
      picked.map((p) => world.jobOf(p)),
    );
    const lanes = await world.prisma.application.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: 'asc' },
    });
    expect(lanes.map((a) => a.lane)).toEqual(['server', 'device', 'device']);
    world.startAgent(agentDir);

    const apps = await settled(ids);
    for (const app of apps) expect(app.status, app.lastError ?? '').toBe('SUBMITTED');
    for (const p of picked) expect(submissionsOf(p)).toHaveLength(1);
    const claimedBy = (id: string) =>
      apps.find((a) => a.id === id)!.events.find((e) => e.toStatus === 'CLAIMED')!.actor;
    expect(claimedBy(ids[0]!)).toMatch(/^server:/);
    expect(claimedBy(ids[1]!)).toMatch(/^device:/);
    expect(claimedBy(ids[2]!)).toMatch(/^device:/);
    // The server's attempt went out through one of the proxies; the device's through none.
    const serverPosting = world.jobOf(one!).applyUrl;
    const via = world.ats.requests
      .list()
      .filter((r) => serverPosting.endsWith(r.path))
      .map((r) => r.via);
    expect(via.some((v) => /lane-proxy-[ab]/.test(v ?? ''))).toBe(true);
    expect(await serverUsedThisMonth(world.prisma, applicant.userId)).toBe(5);
  });

  it('a CAPTCHA on the server lane hands the application to the agent, which asks the user', {
    timeout: 300_000,
  }, async () => {
    const captcha = postings('captcha')[0]!;
    const applicant = await world.applicant([captcha]);
    await onPlan(applicant, 'pro', 'auto');
    const agentDir = await world.pairedAgentDir(applicant);
    const events = await watchEvents(world.backend.node.url, applicant.accessToken);
    world.startAgent(agentDir);
    await startWorker();
    const [id] = await swipeRight(applicant, [world.jobOf(captcha)]);

    const [app] = await settled([id!], ['NEEDS_ATTENTION']);
    expect(app!.lane).toBe('device');
    expect(app!.lastError).toMatch(/prove you are human|CAPTCHA/i);
    const claims = app!.events.filter((e) => e.toStatus === 'CLAIMED').map((e) => e.actor.split(':')[0]);
    expect(claims).toEqual(['server', 'device']);
    expect(app!.events.find((e) => e.fromStatus && e.toStatus === 'QUEUED')?.message).toMatch(
      /handed to your own devices/,
    );
    expect(events.statuses(id!)).toEqual([
      'QUEUED',
      'CLAIMED',
      'RUNNING',
      'QUEUED',
      'CLAIMED',
      'RUNNING',
      'NEEDS_ATTENTION',
    ]);
    expect(await serverUsedThisMonth(world.prisma, applicant.userId)).toBe(0);
    expect(submissionsOf(captcha)).toHaveLength(0);
    events.close();
  });

  it('a login wall waits for the password to the site; once the user gives it, the application completes', {
    timeout: 300_000,
  }, async () => {
    const walled = postings('login-wall')[0]!;
    const applicant = await world.applicant([walled]);
    await onPlan(applicant, 'pro', 'server_only');
    await startWorker();
    const [id] = await swipeRight(applicant, [world.jobOf(walled)]);

    const [waiting] = await settled([id!], ['NEEDS_ATTENTION']);
    const question = accountPasswordQuestion(new URL(world.jobOf(walled).applyUrl).host);
    expect(waiting!.attention).toEqual([question]);
    expect(submissionsOf(walled)).toHaveLength(0);

    const answered = await applicant.api.post<ApplicationSummary>(`/v1/applications/${id}/answer`, {
      answers: [{ question: question.label, answer: 'a-long-site-password' }],
    });
    expect(answered.body.status).toBe('QUEUED');
    const [done] = await settled([id!], ['SUBMITTED']);
    expect(done!.status).toBe('SUBMITTED');
    expect(submissionsOf(walled)).toHaveLength(1);
    expect(
      await world.prisma.savedAnswer.count({ where: { userId: applicant.userId, questionKey: question.key } }),
    ).toBe(0);
  });
});
