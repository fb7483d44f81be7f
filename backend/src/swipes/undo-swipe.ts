// Undo (DELETE /v1/swipes/:jobId): removes the swipe so the job returns to the deck, and cancels
// its application, as long as it has not gone out to any executor: during the undo grace period
// (GRACE, before its end by the database's clock), while deferred by quota, or while waiting for
// answers the form was known to need since the swipe (never claimed by anyone). Undo then always
// succeeds: the row is locked first, and the grace release skips a locked row. Once the application
// has been queued, undo is refused as "already applying" and points at cancelling it instead.
import type { Application } from '@jobswipe/db';
import { cancelApplication } from '../applications/cancel-application.ts';
import { lockApplication } from '../applications/lock-application.ts';
import type { AppContext } from '../context.ts';
import { inTransaction, type UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, notFound } from '../http/errors.ts';

export function undoSwipe(
  ctx: AppContext,
  userId: string,
  jobId: string,
): Promise<{ cancelledApplicationId: string | null }> {
  return inTransaction(ctx, async (uow) => {
    const swipe = await uow.tx.swipe.findUnique({
      where: { userId_jobId: { userId, jobId } },
      include: { application: true },
    });
    if (!swipe) throw notFound('Swipe');
    const live = swipe.application && swipe.application.status !== 'CANCELLED' ? swipe.application : null;
    if (live) {
      const app = await lockApplication(uow.tx, live.id, userId);
      if (!(await notYetOut(uow, app))) throw alreadyApplying(app);
      await cancelApplication(uow, { applicationId: app.id, userId, allowHeld: false, reason: 'Swipe undone.' });
    }
    await uow.tx.swipe.delete({ where: { id: swipe.id } });
    return { cancelledApplicationId: live?.id ?? null };
  });
}

/** Whether no executor can have been offered the (locked) application yet. */
async function notYetOut(uow: UnitOfWork, app: Application): Promise<boolean> {
  if (app.status === 'SCHEDULED' || app.status === 'WAITING_QUOTA') return true;
  // Waiting since the swipe for the questions the card showed: no executor has ever held it.
  if (app.status === 'NEEDS_ATTENTION' && app.leaseToken === 0n) return true;
  if (app.status !== 'GRACE') return false;
  // The database's clock, which the grace release goes by too.
  const [row] = await uow.tx.$queryRaw<{ open: boolean }[]>`select clock_timestamp() < ${app.availableAt} as open`;
  return row?.open === true;
}

function alreadyApplying(app: Application): AppError {
  return new AppError(
    'already_applying',
    'Already applying: the undo window for this swipe has passed. Cancel the application instead (POST /v1/applications/:id/cancel, or Cancel on its page).',
    { applicationId: app.id, status: app.status, cancel: `/v1/applications/${app.id}/cancel` },
  );
}
