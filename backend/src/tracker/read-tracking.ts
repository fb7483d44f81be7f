// The user's tracking of one application as the API shows it (no row yet: no stage, no notes).
import type { Queryable } from '@jobswipe/db';
import type { TrackingView } from '@jobswipe/protocol';

export async function readTracking(db: Queryable, applicationId: string): Promise<TrackingView> {
  const [track, history] = await Promise.all([
    db.applicationTrack.findUnique({ where: { applicationId } }),
    db.applicationStageChange.findMany({ where: { applicationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    stage: track?.stage ?? null,
    stageChangedAt: track?.stageChangedAt?.toISOString() ?? null,
    notes: track?.notes ?? '',
    history: history.map((h) => ({
      fromStage: h.fromStage,
      toStage: h.toStage,
      createdAt: h.createdAt.toISOString(),
    })),
  };
}
