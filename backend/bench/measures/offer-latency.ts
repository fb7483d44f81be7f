// Swipe → offer: from the HTTP response of a right-swipe to the `offer` frame arriving at the
// user's device, connected over a real WebSocket. The path measured is the product's: commit,
// NOTIFY wakes the outbox relay, XADD to the user's stream, a nudge to the gateway node over
// pub/sub, XREADGROUP plus a Postgres check, the frame. Each offer is claimed and reported before
// the next swipe, as a device that keeps up does, so the device always has a free slot.

import { type Distribution, distribution } from '@jobswipe/testkit/stats';
import { RawDevice, submitted } from '../../test/support/devices.ts';
import { createJobs } from '../../test/support/factories.ts';
import type { BenchBackend } from '../support/bench-backend.ts';
import { deviceOwner } from '../support/device-owner.ts';
import { timedSwipe } from '../support/timed-swipe.ts';

export interface OfferLatency {
  /** Swipe request → response at the client. */
  swipeApi: Distribution;
  /** Swipe response → offer frame at the device. */
  offer: Distribution;
}

export async function measureOfferLatency(
  backend: BenchBackend,
  options: { swipes: number; warmup: number },
): Promise<OfferLatency> {
  const { user, token } = await deviceOwner(backend);
  const jobs = await createJobs(backend.prisma, options.warmup + options.swipes);
  const device = await RawDevice.connect(backend.url);
  const arrivedAt = new Map<string, number>();
  device.ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; applicationId?: string };
    if (message.type === 'offer' && message.applicationId) arrivedAt.set(message.applicationId, performance.now());
  });
  try {
    device.send({ type: 'hello', token, kind: 'desktop', version: 'bench', capacity: 1, held: [] });
    await device.next('welcome');
    const api: number[] = [];
    const offer: number[] = [];
    for (const [i, job] of jobs.entries()) {
      const swipe = await timedSwipe(user.api, job.id);
      const offered = await device.next('offer');
      if (offered.applicationId !== swipe.applicationId) {
        throw new Error(`offer for ${offered.applicationId} arrived, expected ${swipe.applicationId}`);
      }
      device.send({ type: 'claim', applicationId: swipe.applicationId });
      const claimed = await device.next('claimed');
      device.send({ ...submitted, type: 'result', applicationId: swipe.applicationId, leaseToken: claimed.leaseToken });
      await device.next('ack');
      if (i < options.warmup) continue;
      api.push(swipe.respondedAt - swipe.sentAt);
      offer.push(arrivedAt.get(swipe.applicationId)! - swipe.respondedAt);
    }
    return { swipeApi: distribution(api), offer: distribution(offer) };
  } finally {
    device.close();
  }
}
