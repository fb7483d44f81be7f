// A right-swipe as the web client makes it, timed at the client: where the latencies start.
import { randomUUID } from 'node:crypto';
import type { SwipeResponse } from '@jobswipe/protocol';
import type { Api } from '../../test/support/api.ts';

export interface TimedSwipe {
  applicationId: string;
  /** When its undo grace period ends (epoch ms); when it answered, for a grace period of 0. */
  offerableAt: number;
  /** `performance.now()` when its response had been read. */
  respondedAt: number;
}

/** A right-swipe as the web client makes it (with an idempotency key), timed at the client. */
export async function timedSwipe(user: Api, jobId: string): Promise<TimedSwipe> {
  const res = await user.post<SwipeResponse>('/v1/swipes', { jobId, direction: 'right', idempotencyKey: randomUUID() });
  const respondedAt = performance.now();
  if (res.status !== 201 || !res.body.application) {
    throw new Error(`swipe on job ${jobId} was not a new application: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const { undoUntil } = res.body.application;
  return {
    applicationId: res.body.application.id,
    offerableAt: undoUntil ? Date.parse(undoUntil) : Date.now(),
    respondedAt,
  };
}
