// Baseline: the same swipe → deliver flow through a BullMQ queue, the common Node design. The
// producer adds a job when the swipe has committed (its HTTP response), a worker blocked on the
// queue receives it; latency is from the swipe's response to the worker's receipt. That is a lower
// bound for a BullMQ design: it stops at the worker, one hop short of a device's socket.
import { randomBytes } from 'node:crypto';
import { type Distribution, distribution } from '@jobswipe/testkit/stats';
import { Queue, Worker } from 'bullmq';
import { createJobs } from '../../test/support/factories.ts';
import { userWith } from '../../test/support/users.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { timedSwipe } from '../support/timed-swipe.ts';

interface DeliverJob {
  applicationId: string;
}

export async function measureBullmqBaseline(
  backend: BenchBackend,
  options: { swipes: number; warmup: number },
): Promise<Distribution> {
  const { hostname, port, password } = new URL(backend.redisUrl);
  const connection = { host: hostname, port: Number(port || 6379), password: password || undefined };
  // Under the backend's key prefix, so the bench's clean-up removes it with everything else.
  const prefix = `${backend.prefix}-bull`;
  const name = `deliver-${randomBytes(4).toString('hex')}`;
  const queue = new Queue<DeliverJob>(name, { connection, prefix });
  const received = new Map<string, (at: number) => void>();
  const worker = new Worker<DeliverJob>(
    name,
    async (job) => {
      received.get(job.data.applicationId)?.(performance.now());
    },
    { connection: { ...connection, maxRetriesPerRequest: null }, prefix, concurrency: 1 },
  );
  try {
    await worker.waitUntilReady();
    const user = await userWith(backend.api, backend.prisma, { undoGraceMs: 0 });
    const jobs = await createJobs(backend.prisma, options.warmup + options.swipes);
    const latencies: number[] = [];
    for (const [i, job] of jobs.entries()) {
      const swipe = await timedSwipe(user.api, job.id);
      const arrival = new Promise<number>((resolve) => received.set(swipe.applicationId, resolve));
      await queue.add('deliver', { applicationId: swipe.applicationId }, { removeOnComplete: true });
      const at = await arrival;
      received.delete(swipe.applicationId);
      if (i >= options.warmup) latencies.push(at - swipe.respondedAt);
    }
    return distribution(latencies);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
