// Baseline: the same flow for a device that asks Postgres for new applications every 10 seconds
// instead of being told. Swipes are spread evenly over a few polling periods; latency is from a
// swipe's response to the first poll that sees its application. Expect it to be uniform over the
// period (p50 about half of it): measured anyway, on this machine, in this run.

import { type Distribution, distribution } from '@jobswipe/testkit/stats';
import { createJobs } from '../../test/support/factories.ts';
import { userWith } from '../../test/support/users.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { type TimedSwipe, timedSwipe } from '../support/timed-swipe.ts';
import { until } from '../support/until.ts';

export async function measurePollingBaseline(
  backend: BenchBackend,
  options: { swipes: number; spreadMs: number; periodMs: number },
): Promise<Distribution> {
  const user = await userWith(backend.api, backend.prisma, { undoGraceMs: 0 });
  const jobs = await createJobs(backend.prisma, options.swipes);
  const seenAt = new Map<string, number>();
  const poll = async () => {
    const rows = await backend.prisma.application.findMany({
      where: { userId: user.user.id, lane: 'device', status: 'QUEUED' },
      select: { id: true },
    });
    const at = performance.now();
    for (const { id } of rows) if (!seenAt.has(id)) seenAt.set(id, at);
  };
  // The device's clock has nothing to do with the user's swipes: its first poll comes at a random moment.
  let poller: NodeJS.Timeout | undefined;
  const phase = setTimeout(() => {
    void poll();
    poller = setInterval(() => void poll(), options.periodMs);
  }, Math.random() * options.periodMs);
  try {
    const swipes: TimedSwipe[] = [];
    const gapMs = options.spreadMs / options.swipes;
    const start = performance.now();
    for (const [i, job] of jobs.entries()) {
      const due = start + i * gapMs - performance.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      swipes.push(await timedSwipe(user.api, job.id));
    }
    await until(
      'the polling device to see every swipe',
      () => swipes.every((s) => seenAt.has(s.applicationId)),
      2 * options.periodMs + 5_000,
    );
    return distribution(swipes.map((s) => seenAt.get(s.applicationId)! - s.respondedAt));
  } finally {
    clearTimeout(phase);
    clearInterval(poller);
  }
}
