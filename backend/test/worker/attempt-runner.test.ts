// The protocol's attempt runner over the server worker's in-process transport, against a real
// backend (Postgres, Redis): the rules every executor follows once it holds a lease. Only the
// engine is a stand-in (each test's `execute` plays the form), since what is checked is what the
// runner lets it do and what reaches the database.
import {
  type AttemptControl,
  type AttemptExecute,
  type AttemptOutcome,
  AttemptRunner,
  AttemptTakenAway,
} from '@jobswipe/protocol/attempt-runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim } from '../../src/leases/claim.ts';
import type { Executor } from '../../src/leases/executor.ts';
import { reapLapsedLeases } from '../../src/recovery/reaper.ts';
import { InProcessTransport } from '../../src/worker/in-process-transport.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { submitted } from '../support/devices.ts';
import { swipeRight, userWith } from '../support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;
const executor: Executor = { kind: 'server', workerId: 'w-runner' };

beforeAll(async () => {
  // A lease far longer than any test: only what a test does takes it away, never the clock.
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', SERVER_LEASE_MS: '600000' });
});
afterAll(() => backend.close());

/** A server-lane application claimed by `executor`, run through `execute` as the worker would. */
async function runClaimed(execute: AttemptExecute) {
  const user = await userWith(backend.api, prisma(), { preference: 'server_only' });
  const [id] = await swipeRight(user.api, prisma(), 1);
  await expect
    .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status)
    .toBe('QUEUED');
  const claimed = await claim(backend.node.ctx, executor, id!);
  if (!claimed.ok) throw new Error(`claim refused: ${claimed.message}`);
  const runners = new Map<string, AttemptRunner>();
  const transport = new InProcessTransport(backend.node.ctx, executor, (reply) =>
    runners.get(reply.applicationId)?.receive(reply),
  );
  const runner = new AttemptRunner({ order: claimed.order, transport, leaseMs: 600_000, execute });
  runners.set(id!, runner);
  return { id: id!, runner, done: runner.start() };
}

/** The application's status changes from its claim on, in order, with who made them. */
async function statusTrail(id: string) {
  const events = await prisma().applicationEvent.findMany({
    where: { applicationId: id, type: 'status' },
    orderBy: { id: 'asc' },
  });
  const trail = events.map((e) => `${e.toStatus} by ${e.actor}`);
  return trail.slice(trail.indexOf('CLAIMED by server:w-runner'));
}

/** A promise and the function that settles it, for a test to say when an `execute` may go on. */
function gate<T = void>() {
  let open: (value: T) => void = () => {};
  const opened = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('the attempt runner over the in-process transport', () => {
  it('records the submitting checkpoint before progress resolves, so the final click comes after it', async () => {
    let atClick: { status: string; submittingAt: Date | null } | null = null;
    const { id, done } = await runClaimed(async (order, control) => {
      await control.progress('fill', 40);
      await control.progress('submitting', 90);
      // The final click: what the database holds now is what a crash right after it would leave.
      atClick = await prisma().application.findUniqueOrThrow({
        where: { id: order.applicationId },
        select: { status: true, submittingAt: true },
      });
      return submitted;
    });

    expect(await done).toEqual({ type: 'acknowledged', status: 'SUBMITTED' });
    expect(atClick).toMatchObject({ status: 'RUNNING', submittingAt: expect.any(Date) });
    expect(await statusTrail(id)).toEqual([
      'CLAIMED by server:w-runner',
      'RUNNING by server:w-runner',
      'SUBMITTED by server:w-runner',
    ]);
  });

  it('stops the attempt when its lease is lost mid-way: no click, and its result is not recorded', async () => {
    const leaseGone = gate();
    const seen: { checkpoint?: unknown; aborted?: boolean } = {};
    const { id, done } = await runClaimed(async (_order, control: AttemptControl) => {
      await control.progress('fill', 40);
      await leaseGone.opened;
      // The checkpoint is refused: the heartbeat carrying it is answered `lost`.
      seen.checkpoint = await control.progress('submitting', 90).catch((err: unknown) => err);
      seen.aborted = control.signal.aborted;
      // An engine that ignores both and claims success anyway.
      return submitted;
    });
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status)
      .toBe('RUNNING');
    // The lease lapses (as if the worker had stalled) and the reaper takes the application back.
    await prisma().application.update({ where: { id }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    expect(await reapLapsedLeases(backend.node.ctx)).toBe(1);
    leaseGone.open();

    expect(await done).toMatchObject({ type: 'taken_away' });
    expect(seen.checkpoint).toBeInstanceOf(AttemptTakenAway);
    expect(seen.aborted).toBe(true);
    const app = await prisma().application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: 'QUEUED', attempt: 1, submittingAt: null, leaseOwner: null });
    expect((await statusTrail(id)).at(-1)).toBe('QUEUED by system:reaper');
  });

  it('hands back what it runs at shutdown: queued again at once, the attempt not counted, its late outcome ignored', async () => {
    const started = gate();
    let lateOutcome: Promise<AttemptOutcome> | null = null;
    const { id, runner, done } = await runClaimed((_order, control) => {
      lateOutcome = (async () => {
        await control.progress('fill', 40);
        started.open();
        // Still filling when the worker stops; it notices the abort and then claims success.
        await new Promise((resolve) => control.signal.addEventListener('abort', resolve, { once: true }));
        return submitted;
      })();
      return lateOutcome;
    });
    await started.opened;

    expect(await runner.handBack('The worker is shutting down.')).toEqual({ type: 'acknowledged', status: 'QUEUED' });
    await lateOutcome;
    expect(await done).toEqual({ type: 'acknowledged', status: 'QUEUED' });
    // Reported once: the hand-back, and nothing after it.
    expect(await runner.handBack('again')).toEqual({ type: 'acknowledged', status: 'QUEUED' });
    const app = await prisma().application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: 'QUEUED', attempt: 0, leaseOwner: null });
    expect(await statusTrail(id)).toEqual([
      'CLAIMED by server:w-runner',
      'RUNNING by server:w-runner',
      'QUEUED by server:w-runner',
    ]);
  });
});
