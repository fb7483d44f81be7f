// Swipe → offer: from the end of a right-swipe's undo grace period (the server's default; `undoUntil`
// in the swipe's answer) to the `offer` frame arriving at the user's device, connected over a real
// WebSocket. The path measured is the product's: a node's grace timer fires, one statement queues
// what is due with its outbox rows, the outbox relay's XADD to the user's stream, a nudge to the
// gateway node over pub/sub, XREADGROUP plus a Postgres check, the frame. Swipes go out every
// `spacingMs` (each waits out its own grace period meanwhile); the device claims and reports each
// offer at once and has room for ten, so an offer never waits for a free slot.

import type { UsageView } from '@jobswipe/protocol';
import type { BackendMessage } from '@jobswipe/protocol/device';
import { type Distribution, distribution } from '@jobswipe/testkit/stats';
import { RawDevice, submitted } from '../../test/support/devices.ts';
import { createJobs } from '../../test/support/factories.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { deviceOwner } from '../support/device-owner.ts';
import { type TimedSwipe, timedSwipe } from '../support/timed-swipe.ts';
import { until } from '../support/until.ts';

export interface OfferLatency {
  /** End of the grace period → offer frame at the device. */
  offer: Distribution;
  /** The grace period the swipes waited out. */
  graceMs: number;
}

export async function measureOfferLatency(
  backend: BenchBackend,
  options: { swipes: number; warmup: number; spacingMs: number },
): Promise<OfferLatency> {
  const { user, token } = await deviceOwner(backend);
  const jobs = await createJobs(backend.prisma, options.warmup + options.swipes);
  const device = await RawDevice.connect(backend.url);
  const offeredAt = new Map<string, number>();
  let acked = 0;
  device.ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as BackendMessage;
    if (message.type === 'offer') {
      offeredAt.set(message.applicationId, Date.now());
      device.send({ type: 'claim', applicationId: message.applicationId });
    } else if (message.type === 'claimed') {
      device.send({
        ...submitted,
        type: 'result',
        applicationId: message.applicationId,
        leaseToken: message.leaseToken,
      });
    } else if (message.type === 'ack') {
      acked += 1;
    }
  });
  try {
    device.send({ type: 'hello', token, kind: 'desktop', version: 'bench', capacity: 10, held: [] });
    await device.next('welcome');
    const swipes: TimedSwipe[] = [];
    for (const job of jobs) {
      const next = performance.now() + options.spacingMs;
      swipes.push(await timedSwipe(user.api, job.id));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
    await until('every offer to be claimed and reported', () => acked === jobs.length);
    const measured = swipes.slice(options.warmup);
    return {
      offer: distribution(measured.map((s) => offeredAt.get(s.applicationId)! - s.offerableAt)),
      graceMs: (await user.api.get<UsageView>('/v1/plan')).body.undoGraceMs,
    };
  } finally {
    device.close();
  }
}
