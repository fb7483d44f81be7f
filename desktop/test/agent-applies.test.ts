// The agent applies for real: a user swipes right on ten practice postings across seven ATSs while
// no agent runs; `npm run agent` starts and submits each exactly once, with evidence, while the
// web's event stream shows every transition. Also: a restart hands back what it held, a graceful
// shutdown hands back at once, and pause/resume and quiet hours change the capacity the backend
// sees.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { claimCounts } from '@jobswipe/backend/testing/users';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AgentProcess, runAgentCommand } from './support/agent-process.ts';
import { watchEvents } from './support/events-stream.ts';
import { type Applicant, postings, startWorld, swipeRight, type World } from './support/world.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

const TEN = [
  'greenhouse/4012345',
  'greenhouse/4012401',
  'greenhouse/5123001',
  'lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31',
  'icims/1042',
  'ashby/3b8e6f1a-7c2d-4e9b-a5f0-6d1c8b2e4a97',
  'ashby/a41d9c0e-3f5b-4b6a-9e2d-7c8f1a0b3d54',
  'smartrecruiters/744000012345678',
  'workable/B7C1D2E3F4',
  'careers/data-engineer',
].map((key) => postings().find((p) => `${p.ats}/${p.externalId}` === key)!);

describe('npm run agent', () => {
  it('submits ten right-swipes made while it was off, each once, with evidence and live events', {
    timeout: 300_000,
  }, async () => {
    const applicant = await world.applicant(TEN);
    const agentDir = await world.pairedAgentDir(applicant);
    const credentials = await stat(join(agentDir, 'device.json'));
    expect(credentials.mode & 0o777).toBe(0o600);

    const events = await watchEvents(world.backend.node.url, applicant.accessToken);
    const ids = await swipeRight(
      applicant,
      TEN.map((p) => world.jobOf(p)),
    );
    const agent = world.startAgent(agentDir);

    await expect
      .poll(
        async () =>
          (await world.prisma.application.findMany({ where: { id: { in: ids } } })).filter((a) =>
            ['SUBMITTED', 'FAILED', 'NEEDS_ATTENTION', 'DEAD'].includes(a.status),
          ).length,
        { timeout: 240_000, interval: 500 },
      )
      .toBe(ids.length);
    const apps = await world.prisma.application.findMany({ where: { id: { in: ids } } });
    expect(
      apps.filter((a) => a.status !== 'SUBMITTED').map((a) => `${a.id} ${a.status} ${a.lastError}`),
      agent.transcript,
    ).toEqual([]);

    for (const posting of TEN) {
      expect(
        world.ats.submissions.list({ ats: posting.ats, jobId: posting.externalId }),
        posting.applyUrl,
      ).toHaveLength(1);
    }
    expect([...(await claimCounts(world.prisma, ids)).values()]).toEqual(ids.map(() => 1));
    // Each result names the evidence stored for it: the confirmation page.
    for (const id of ids) {
      const submitted = await world.prisma.applicationEvent.findFirstOrThrow({
        where: { applicationId: id, toStatus: 'SUBMITTED' },
      });
      const evidenceIds = (submitted.data as { evidenceIds: string[] }).evidenceIds;
      const stored = await world.prisma.evidence.findMany({ where: { applicationId: id } });
      expect(evidenceIds.length).toBeGreaterThan(0);
      expect(stored.map((e) => e.id).sort()).toEqual([...evidenceIds].sort());
      expect(stored.map((e) => e.kind)).toContain('confirmation_page');
    }
    for (const id of ids) {
      await expect.poll(() => events.statuses(id)).toEqual(['QUEUED', 'CLAIMED', 'RUNNING', 'SUBMITTED']);
    }
    for (const id of ids) {
      const claimed = agent.logged('application claimed', { applicationId: id });
      expect(claimed).toHaveLength(1);
      expect(claimed[0]!.correlationId).toBe(apps.find((a) => a.id === id)!.correlationId);
    }
    events.close();
  });
});

const SLOW = postings('slow')[0]!;

/** Resolves once the agent's browser asked for the slow posting's page (a new request since `before`). */
async function slowPageRequested(agent: AgentProcess, before: number): Promise<void> {
  await vi.waitFor(
    () => {
      if (slowRequests() <= before)
        throw new Error(`the slow page was not requested yet; the agent said:\n${agent.transcript}`);
    },
    { timeout: 90_000, interval: 100 },
  );
}

function slowRequests(): number {
  const path = new URL(world.jobOf(SLOW).applyUrl).pathname;
  return world.ats.requests.list().filter((r) => r.path.startsWith(path)).length;
}

async function status(id: string) {
  return (await world.prisma.application.findUniqueOrThrow({ where: { id } })).status;
}

/** The capacity the backend's gateway holds for the applicant's connected device. */
function capacitySeen(applicant: Applicant): number | undefined {
  return world.backend.node.gateway.connected(applicant.userId)[0]?.capacity;
}

describe('holding an application across a crash or a shutdown', () => {
  it('restarted after a crash mid-application, it hands the application back at once, then applies once', async () => {
    const applicant = await world.applicant([SLOW]);
    const agentDir = await world.pairedAgentDir(applicant);
    const [id] = await swipeRight(applicant, [world.jobOf(SLOW)]);
    const before = slowRequests();
    const first = world.startAgent(agentDir);
    // The posting's server is slow: the agent holds the lease and waits for the form.
    await slowPageRequested(first, before);
    await first.kill();
    const held = JSON.parse(await readFile(join(agentDir, 'leases.json'), 'utf8')) as Array<{ applicationId: string }>;
    expect(held.map((l) => l.applicationId)).toEqual([id]);

    const second = world.startAgent(agentDir);
    await expect
      .poll(
        () =>
          second.logged(
            'holding applications from before a restart: each is handed back, or its stored result reported',
          ).length,
      )
      .toBe(1);
    await expect.poll(() => status(id!)).toBe('SUBMITTED');
    const trail = await world.prisma.applicationEvent.findMany({
      where: { applicationId: id!, type: 'status' },
      orderBy: { id: 'asc' },
    });
    const handedBack = trail.filter((e) => e.toStatus === 'QUEUED' && e.actor.startsWith('device:'));
    expect(handedBack).toHaveLength(1);
    expect(handedBack[0]!.message).toMatch(/restarted/);
    // Taken back by the device itself, not by the reaper after the lease lapsed.
    expect(trail.some((e) => e.actor === 'system:reaper')).toBe(false);
    expect(world.ats.submissions.list({ ats: SLOW.ats, jobId: SLOW.externalId })).toHaveLength(1);
  });

  it('SIGTERM mid-application hands it back and exits cleanly', async () => {
    const applicant = await world.applicant([SLOW]);
    const agentDir = await world.pairedAgentDir(applicant);
    world.ats.submissions.clear();
    const [id] = await swipeRight(applicant, [world.jobOf(SLOW)]);
    const before = slowRequests();
    const agent = world.startAgent(agentDir);
    await slowPageRequested(agent, before);
    agent.signalAgent('SIGTERM');
    expect(await agent.exited, agent.transcript).toEqual({ code: 0, signal: null });
    expect(await status(id!)).toBe('QUEUED');
    const last = await world.prisma.applicationEvent.findFirstOrThrow({
      where: { applicationId: id!, type: 'status' },
      orderBy: { id: 'desc' },
    });
    expect(last.message).toMatch(/shutting down/);
    expect(JSON.parse(await readFile(join(agentDir, 'leases.json'), 'utf8'))).toEqual([]);
    expect(world.ats.submissions.list({ ats: SLOW.ats, jobId: SLOW.externalId })).toHaveLength(0);
  });
});

describe('capacity', () => {
  const posting = postings().find((p) => p.ats === 'careers')!;

  it('pause and resume: no offers while paused, the queued application is applied after resume', async () => {
    const applicant = await world.applicant([posting]);
    const agentDir = await world.pairedAgentDir(applicant);
    world.startAgent(agentDir);
    await expect.poll(() => capacitySeen(applicant)).toBe(1);

    const paused = await runAgentCommand(agentDir, ['pause']);
    expect(paused.code, paused.output).toBe(0);
    expect(paused.output).toMatch(/Paused/);
    await expect.poll(() => capacitySeen(applicant)).toBe(0);

    const [id] = await swipeRight(applicant, [world.jobOf(posting)]);
    await expect.poll(async () => await world.prisma.outbox.count({ where: { publishedAt: null } })).toBe(0);
    const session = world.backend.node.gateway.connected(applicant.userId)[0]!;
    expect(session.offered.size + session.held.size).toBe(0);
    expect(await status(id!)).toBe('QUEUED');

    const resumed = await runAgentCommand(agentDir, ['resume']);
    expect(resumed.code, resumed.output).toBe(0);
    await expect.poll(() => capacitySeen(applicant)).toBe(1);
    await expect.poll(() => status(id!)).toBe('SUBMITTED');
  });

  it('quiet hours: capacity 0 inside the window, restored when it ends', async () => {
    const applicant = await world.applicant([posting]);
    const agentDir = await world.pairedAgentDir(applicant);
    const utc = (ms: number) => new Date(ms).toISOString().slice(11, 19);
    // Long enough for the agent to start and connect inside the window, even on a busy machine.
    const ends = Date.now() + 30_000;
    const agent = world.startAgent(agentDir, ['--quiet-hours', `${utc(Date.now() - 60_000)}-${utc(ends)}`], {
      TZ: 'UTC',
    });
    await expect.poll(() => agent.logged('agent starting').length).toBe(1);
    expect(agent.logged('agent starting')[0]!.capacity).toMatchObject({ capacity: 0, quiet: true });
    await expect.poll(() => capacitySeen(applicant)).toBe(0);
    const [id] = await swipeRight(applicant, [world.jobOf(posting)]);

    await expect.poll(() => capacitySeen(applicant)).toBe(1);
    expect(Date.now()).toBeGreaterThanOrEqual(ends - 1_000);
    await expect.poll(() => status(id!)).toBe('SUBMITTED');
  });
});
