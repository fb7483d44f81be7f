// The backend's answer to an attempt's message, whatever carries it (a device's socket or
// long-poll requests, or the server worker in-process): a heartbeat renews the lease (`lease`) or
// is refused (`lost`); a result or release is recorded (`ack`) or refused (`lost`).
import type { AttemptMessage, AttemptReply } from '@jobswipe/protocol/attempt-runner';
import type { AppContext } from '../context.ts';
import type { Executor } from './executor.ts';
import { heartbeat } from './heartbeat.ts';
import { recordResult } from './record-result.ts';
import { release } from './release.ts';

export type AttemptAnswer = Extract<AttemptReply, { type: 'lease' | 'lost' | 'ack' }>;

export async function answerAttempt(
  ctx: AppContext,
  executor: Executor,
  message: AttemptMessage,
): Promise<AttemptAnswer> {
  const { applicationId } = message;
  const leaseToken = BigInt(message.leaseToken);
  if (message.type === 'heartbeat') {
    const renewed = await heartbeat(ctx, executor, { ...message, leaseToken });
    return renewed.ok
      ? {
          type: 'lease',
          applicationId,
          leaseToken: message.leaseToken,
          leaseExpiresAt: renewed.leaseExpiresAt.toISOString(),
        }
      : { type: 'lost', applicationId, message: renewed.message };
  }
  const recorded =
    message.type === 'result'
      ? await recordResult(ctx, executor, { ...message, leaseToken })
      : await release(ctx, executor, { ...message, leaseToken });
  return recorded.ok
    ? { type: 'ack', applicationId, status: recorded.status }
    : { type: 'lost', applicationId, message: recorded.message };
}
