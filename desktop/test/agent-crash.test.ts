// Crashes the agent cannot tidy up after (SIGKILL, as a power cut): the backend takes the lease
// back once it lapses and the application is retried. Killed before the final submit, the retry
// submits once; killed right after the final click, the retry never submits again.

import { claimCounts } from '@jobswipe/backend/testing/users';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { whenSubmitted } from './support/submission-hook.ts';
import { postings, startWorld, swipeRight, type World } from './support/world.ts';

// Short leases and a quick reaper, so a lapse takes seconds; the agent heartbeats at a third of the lease.
const LEASE = { DEVICE_LEASE_MS: '8000', REAPER_INTERVAL_MS: '250' };

let world: World;
beforeAll(async () => {
  world = await startWorld(LEASE);
});
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

async function application(id: string) {
  return world.prisma.application.findUniqueOrThrow({ where: { id } });
}

async function lapsedAndQueued(id: string): Promise<void> {
  await expect
    .poll(async () => {
      const app = await application(id);
      return `${app.status} attempt ${app.attempt}`;
    })
    .toBe('QUEUED attempt 1');
  const lapse = await world.prisma.applicationEvent.findFirst({
    where: { applicationId: id, actor: 'system:reaper', toStatus: 'QUEUED' },
  });
  expect(lapse?.message).toMatch(/lease expired/);
}

describe('killed mid-application', () => {
  it('before the final submit: the lease lapses, the retry submits once', async () => {
    const slow = postings('slow')[0]!;
    const applicant = await world.applicant([slow]);
    const agentDir = await world.pairedAgentDir(applicant);
    const [id] = await swipeRight(applicant, [world.jobOf(slow)]);
    const path = new URL(world.jobOf(slow).applyUrl).pathname;
    const requested = () => world.ats.requests.list().filter((r) => r.path.startsWith(path)).length;

    const first = world.startAgent(agentDir);
    // The posting's server is slow to send the form: the agent is mid-application, nowhere near
    // the submit button.
    await expect.poll(requested).toBeGreaterThan(0);
    await first.kill();
    await lapsedAndQueued(id!);

    const second = world.startAgent(agentDir);
    await expect.poll(async () => (await application(id!)).status).toBe('SUBMITTED');
    expect(world.ats.submissions.list({ ats: slow.ats, jobId: slow.externalId })).toHaveLength(1);
    expect((await claimCounts(world.prisma, [id!])).get(id!)).toBe(2);
    expect(second.logged('application claimed', { applicationId: id, verifyFirst: false })).toHaveLength(1);
  });

  it('right after the final click: the retry checks first and never submits a second time', async () => {
    const posting = postings().find((p) => p.ats === 'careers')!;
    const applicant = await world.applicant([posting]);
    const agentDir = await world.pairedAgentDir(applicant);
    const [id] = await swipeRight(applicant, [world.jobOf(posting)]);

    const first = world.startAgent(agentDir);
    // Killed the moment the ATS records the application, before it even answers the browser.
    const undo = whenSubmitted(world.ats, (s) => {
      if (s.jobId === posting.externalId) first.killNow();
    });
    await first.exited;
    undo();
    expect(world.ats.submissions.list({ ats: posting.ats, jobId: posting.externalId })).toHaveLength(1);
    expect((await application(id!)).submittingAt).not.toBeNull();
    await lapsedAndQueued(id!);

    const second = world.startAgent(agentDir);
    await expect
      .poll(async () => (await application(id!)).status)
      .toSatisfy((s: string) => s === 'SUBMITTED' || s === 'NEEDS_ATTENTION');
    expect(second.logged('application claimed', { applicationId: id, verifyFirst: true })).toHaveLength(1);
    expect(world.ats.submissions.list({ ats: posting.ats, jobId: posting.externalId })).toHaveLength(1);
    const app = await application(id!);
    if (app.status === 'NEEDS_ATTENTION') expect(app.lastError).toMatch(/earlier attempt reached the final submit/);
  });
});
