// An executor hands an application back without an outcome: queued again at once (it is shutting
// down, or cannot resume it after a restart) instead of waiting for the lease to lapse, or put off
// for `retryInMs` (the site's rate limit has no slot for it until then) so the executor's slot
// serves other work meanwhile. The attempt is not counted; a pre-submit checkpoint stays, so the
// next attempt verifies first.

import type { ApplicationStatus } from '@jobswipe/protocol';
import { transition } from '../applications/transition.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { type Executor, leaseOf, owner, userScope } from './executor.ts';

export async function release(
  ctx: AppContext,
  executor: Executor,
  input: { applicationId: string; leaseToken: bigint; reason: string; retryInMs?: number | undefined },
): Promise<{ ok: true; status: ApplicationStatus } | { ok: false; message: string }> {
  const delayMs = input.retryInMs ?? 0;
  try {
    const app = await inTransaction(ctx, (uow) =>
      transition(uow, {
        applicationId: input.applicationId,
        name: 'release',
        to: delayMs > 0 ? 'RETRY_SCHEDULED' : 'QUEUED',
        actor: owner(executor),
        userId: userScope(executor),
        lease: leaseOf(executor, input.leaseToken),
        changes: { availableAt: new Date(Date.now() + delayMs) },
        message:
          delayMs > 0 ? `Put off for ${Math.ceil(delayMs / 1000)} s: ${input.reason}` : `Handed back: ${input.reason}`,
      }),
    );
    return { ok: true, status: app.status };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
}
