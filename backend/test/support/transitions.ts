// Status changes made directly through the guarded transition, as an executor or the system
// would, for tests that need an application in a given state.
import type { Application } from '@jobswipe/db';
import type { Question } from '@jobswipe/protocol';
import { type TransitionRequest, transition } from '../../src/applications/transition.ts';
import type { AppContext } from '../../src/context.ts';
import { inTransaction } from '../../src/db/unit-of-work.ts';

export function changeStatus(ctx: AppContext, req: TransitionRequest): Promise<Application> {
  return inTransaction(ctx, (uow) => transition(uow, req));
}

/** Claims a QUEUED application for `owner` under a one-minute lease. */
export function claimAs(ctx: AppContext, applicationId: string, owner = 'device:a'): Promise<Application> {
  return changeStatus(ctx, {
    applicationId,
    name: 'claim',
    to: 'CLAIMED',
    actor: owner,
    changes: { lease: { owner, expiresAt: new Date(Date.now() + 60_000) } },
  });
}

/** Claims a QUEUED application for `owner`, then ends its attempt with `to` under that lease. */
export async function finishAs(
  ctx: AppContext,
  applicationId: string,
  end: { name: 'submit'; to: 'SUBMITTED' } | { name: 'fail'; to: 'NEEDS_ATTENTION'; questions: Question[] },
  owner = 'device:a',
): Promise<Application> {
  const claimed = await claimAs(ctx, applicationId, owner);
  return changeStatus(ctx, {
    applicationId,
    name: end.name,
    to: end.to,
    actor: owner,
    lease: { token: claimed.leaseToken, holder: owner },
    ...(end.name === 'fail'
      ? {
          changes: {
            error: { message: 'A question needs you', errorClass: 'needs_user' },
            attention: end.questions,
          },
        }
      : {}),
  });
}
