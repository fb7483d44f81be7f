// Sets the user's tracking of one of their applications (stage and notes), in one transaction: the
// application row is locked first (scoped to the user), a stage only follows a submitted
// application, and every stage change is recorded in the history.
import type { TrackingBody, TrackingView } from '@jobswipe/protocol';
import { TRACKABLE_STATUS } from '@jobswipe/protocol';
import { lockApplication } from '../applications/lock-application.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { readTracking } from './read-tracking.ts';

export function setTracking(
  ctx: AppContext,
  userId: string,
  applicationId: string,
  body: TrackingBody,
): Promise<TrackingView> {
  return inTransaction(ctx, async ({ tx }) => {
    const app = await lockApplication(tx, applicationId, userId);
    const current = await tx.applicationTrack.findUnique({ where: { applicationId } });
    const stageChanges = body.stage !== undefined && body.stage !== (current?.stage ?? null);
    if (stageChanges && app.status !== TRACKABLE_STATUS) {
      throw new AppError(
        'conflict',
        `A stage follows a submitted application; this one is ${app.status}. Set the stage once it is submitted (notes can be kept at any time).`,
        { status: app.status },
      );
    }
    const now = new Date();
    const changes = {
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      ...(stageChanges ? { stage: body.stage ?? null, stageChangedAt: now } : {}),
      updatedAt: now,
    };
    await tx.applicationTrack.upsert({
      where: { applicationId },
      create: { applicationId, userId, ...changes },
      update: changes,
    });
    if (stageChanges) {
      await tx.applicationStageChange.create({
        data: { applicationId, fromStage: current?.stage ?? null, toStage: body.stage ?? null, createdAt: now },
      });
    }
    return readTracking(tx, applicationId);
  });
}
