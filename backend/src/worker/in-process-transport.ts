// The attempt runner's transport on the server worker: each message is answered in-process by the
// lease functions, with the answers a device gets over its socket. A result or release that cannot
// be recorded (the database is unreachable) is tried again until the lease would have lapsed; then
// the attempt counts as lost and the reaper takes the application back. A heartbeat that fails is
// not repeated: the next one renews the lease.
import type { AttemptMessage, AttemptReply, AttemptTransport } from '@jobswipe/protocol/attempt-runner';
import type { AppContext } from '../context.ts';
import { answerAttempt } from '../leases/answer-attempt.ts';
import { type Executor, leaseMs } from '../leases/executor.ts';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;

export class InProcessTransport implements AttemptTransport {
  constructor(
    private readonly ctx: AppContext,
    private readonly executor: Executor,
    /** Hands each reply to the attempt it is for. */
    private readonly deliver: (reply: AttemptReply) => void,
  ) {}

  connected(): boolean {
    return true;
  }

  send(message: AttemptMessage): boolean {
    void this.answer(message, Date.now() + leaseMs(this.ctx.config, this.executor), FIRST_RETRY_MS);
    return true;
  }

  private async answer(message: AttemptMessage, giveUpAt: number, retryMs: number): Promise<void> {
    try {
      this.deliver(await answerAttempt(this.ctx, this.executor, message));
    } catch (err) {
      const { applicationId, type } = message;
      this.ctx.log.warn({ err, applicationId, type }, 'server lane: the lease call failed');
      if (type === 'heartbeat') return;
      if (Date.now() + retryMs > giveUpAt) {
        const reason = err instanceof Error ? err.message : String(err);
        this.deliver({ type: 'lost', applicationId, message: `The ${type} could not be recorded: ${reason}` });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      await this.answer(message, giveUpAt, Math.min(MAX_RETRY_MS, retryMs * 2));
    }
  }
}
