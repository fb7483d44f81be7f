// An executor hands an application back without an outcome (it is shutting down, or cannot resume
// it after a restart): queued again at once instead of waiting for the lease to lapse. The attempt
// is not counted; a pre-submit checkpoint stays, so the next attempt verifies first.

import { transition } from '../applications/transition.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { type Executor, owner, userScope } from './executor.ts';

export async function release(
  ctx: AppContext,
  executor: Executor,
  input: { applicationId: string; leaseToken: bigint; reason: string },
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await inTransaction(ctx, (uow) =>
      transition(uow, {
        applicationId: input.applicationId,
        name: 'release',
        to: 'QUEUED',
        actor: owner(executor),
        userId: userScope(executor),
        leaseToken: input.leaseToken,
        changes: { availableAt: new Date() },
        message: `Handed back: ${input.reason}`,
      }),
    );
    return { ok: true };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
}
