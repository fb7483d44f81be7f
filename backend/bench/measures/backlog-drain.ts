// Reconnect backlog drain: 1,000 applications queued for a device while it was offline; the
// device connects (the protocol's ExecutorClient over a real WebSocket, at the capacity stated)
// and the clock runs until every one of them has been claimed, reported and acknowledged. The
// executor does no browser work: this is the delivery layer's own cost per application.
import { startDevice } from '../../test/support/devices.ts';
import { createJobs } from '../../test/support/factories.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { deviceOwner } from '../support/device-owner.ts';
import { timedSwipe } from '../support/timed-swipe.ts';
import { until } from '../support/until.ts';

export interface BacklogDrain {
  applications: number;
  capacity: number;
  seconds: number;
  applicationsPerSecond: number;
}

export async function measureBacklogDrain(
  backend: BenchBackend,
  options: { applications: number; capacity: number },
): Promise<BacklogDrain> {
  const { user, token } = await deviceOwner(backend, { undoGraceMs: 0 });
  const jobs = await createJobs(backend.prisma, options.applications);
  // Queued as fast as the API takes them: this part is set-up, not measured.
  for (let i = 0; i < jobs.length; i += 10) {
    await Promise.all(jobs.slice(i, i + 10).map((job) => timedSwipe(user.api, job.id)));
  }
  await until(
    'the outbox relay to publish the backlog',
    async () => (await backend.prisma.outbox.count({ where: { publishedAt: null } })) === 0,
  );

  let finished = 0;
  let drainedAt = 0;
  const startedAt = performance.now();
  const device = startDevice(backend.url, token, undefined, {
    capacity: options.capacity,
    onEvent: (event) => {
      if (event.type === 'finished' && ++finished === options.applications) drainedAt = performance.now();
    },
  });
  try {
    await until('the device to drain its backlog', () => drainedAt > 0, 180_000);
    const seconds = (drainedAt - startedAt) / 1000;
    const submitted = await backend.prisma.application.count({ where: { userId: user.user.id, status: 'SUBMITTED' } });
    if (submitted !== options.applications) {
      throw new Error(`backlog drain: ${submitted} of ${options.applications} applications SUBMITTED`);
    }
    return {
      applications: options.applications,
      capacity: options.capacity,
      seconds: Math.round(seconds * 100) / 100,
      applicationsPerSecond: Math.round(options.applications / seconds),
    };
  } finally {
    await device.client.stop();
  }
}
