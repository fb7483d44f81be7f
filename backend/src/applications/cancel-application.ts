// Cancelling an application (POST /cancel, or undoing its swipe): gives back its quota. While an
// executor holds it, cancelling fences the executor out (the `abort` transition), unless it has
// reached the final submit, which cannot be taken back.
import type { Application } from '@jobswipe/db';
import { isHeld, SUBMITTING_STEP } from '@jobswipe/protocol';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { releaseQuota } from '../quota/reserve-quota.ts';
import { lockApplication } from './lock-application.ts';
import { transition } from './transition.ts';

export async function cancelApplication(
  uow: UnitOfWork,
  req: { applicationId: string; userId: string; allowHeld: boolean; reason: string },
): Promise<Application> {
  const app = await lockApplication(uow.tx, req.applicationId, req.userId);
  if (isHeld(app.status)) {
    if (!req.allowHeld) {
      throw new AppError(
        'conflict',
        'An executor is already applying to this job, so the swipe can no longer be undone. Cancel it from your applications instead.',
        {
          status: app.status,
        },
      );
    }
    if (app.progressStep === SUBMITTING_STEP) {
      throw new AppError('conflict', 'This application is being submitted right now and can no longer be cancelled.', {
        status: app.status,
      });
    }
  }
  if (app.status === 'SUBMITTED') {
    throw new AppError('conflict', 'This application was already submitted; it cannot be cancelled or undone.', {
      status: app.status,
    });
  }
  const quota = await releaseQuota(uow.tx, app, 'all');
  return transition(uow, {
    applicationId: app.id,
    userId: req.userId,
    name: isHeld(app.status) ? 'abort' : 'cancel',
    to: 'CANCELLED',
    actor: `user:${req.userId}`,
    message: req.reason,
    changes: { quota },
  });
}
