// Undo (DELETE /v1/swipes/:jobId): removes the swipe so the job returns to the deck, and cancels
// its application if no executor holds it yet.

import { cancelApplication } from '../applications/cancel-application.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { notFound } from '../http/errors.ts';

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
    if (live)
      await cancelApplication(uow, { applicationId: live.id, userId, allowHeld: false, reason: 'Swipe undone.' });
    await uow.tx.swipe.delete({ where: { id: swipe.id } });
    return { cancelledApplicationId: live?.id ?? null };
  });
}
