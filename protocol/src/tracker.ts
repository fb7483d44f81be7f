// The tracker: where a submitted application stands with the employer, as the user records it.
// A stage is the user's own field (with its history), never an application status: the statuses
// say what JobSwipe did, the stages what the employer did after.
import { z } from 'zod';
import { ApplicationSummary } from './api.ts';
import { type ApplicationStatus, HELD_STATUSES, WAITING_STATUSES } from './status.ts';

export const TRACKER_STAGES = ['screening', 'interview', 'offer', 'rejected', 'withdrawn'] as const;
export const TrackerStage = z.enum(TRACKER_STAGES);
export type TrackerStage = z.infer<typeof TrackerStage>;

/** The status a stage may be set on: stages follow a submitted application. */
export const TRACKABLE_STATUS = 'SUBMITTED' as const;

export const TrackingChange = z.object({
  fromStage: TrackerStage.nullable(),
  toStage: TrackerStage.nullable(),
  createdAt: z.string(),
});
export type TrackingChange = z.infer<typeof TrackingChange>;

/** GET/PUT /v1/applications/:id/tracking: the stage, its history (oldest first) and the notes. */
export const TrackingView = z.object({
  stage: TrackerStage.nullable(),
  stageChangedAt: z.string().nullable(),
  notes: z.string(),
  history: z.array(TrackingChange),
});
export type TrackingView = z.infer<typeof TrackingView>;

export const NOTES_MAX = 10_000;

/** PUT /v1/applications/:id/tracking: what to change; null clears the stage. */
export const TrackingBody = z
  .object({
    stage: TrackerStage.nullable().optional(),
    notes: z.string().max(NOTES_MAX, `notes must be at most ${NOTES_MAX} characters`).optional(),
  })
  .strict()
  .refine((b) => b.stage !== undefined || b.notes !== undefined, { message: 'give stage, notes or both' });
export type TrackingBody = z.infer<typeof TrackingBody>;

/**
 * The tracker's views: everything, what needs the user, what JobSwipe is still working on, what
 * was submitted and has no stage yet, each stage, and what ended without a submission.
 */
export const TRACKER_VIEWS = ['all', 'needs_you', 'in_progress', 'submitted', ...TRACKER_STAGES, 'closed'] as const;
export const TrackerView = z.enum(TRACKER_VIEWS);
export type TrackerView = z.infer<typeof TrackerView>;

/** The statuses behind the views that are not stages (a stage's view is SUBMITTED with that stage). */
export const TRACKER_VIEW_STATUSES = {
  needs_you: ['NEEDS_ATTENTION'],
  in_progress: ['QUEUED', ...HELD_STATUSES, ...WAITING_STATUSES],
  closed: ['FAILED', 'DEAD', 'CANCELLED', 'EXPIRED'],
} as const satisfies Record<string, readonly ApplicationStatus[]>;

/** The one view (besides "all") an application is counted in. */
export function trackerViewOf(status: ApplicationStatus, stage: TrackerStage | null): Exclude<TrackerView, 'all'> {
  if (status === TRACKABLE_STATUS) return stage ?? 'submitted';
  for (const [view, statuses] of Object.entries(TRACKER_VIEW_STATUSES)) {
    if ((statuses as readonly ApplicationStatus[]).includes(status)) return view as keyof typeof TRACKER_VIEW_STATUSES;
  }
  return 'in_progress';
}

export const TrackerSort = z.enum(['newest', 'oldest', 'company', 'stage_changed']);
export type TrackerSort = z.infer<typeof TrackerSort>;

export const TrackerQuery = z.object({
  view: TrackerView.default('all'),
  q: z.string().trim().max(200, 'search must be at most 200 characters').optional(),
  sort: TrackerSort.default('newest'),
  cursor: z.string().regex(/^\d+$/, 'use the nextCursor of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TrackerQuery = z.infer<typeof TrackerQuery>;

/** How many applications each view holds (needs_you: the Applications tab's badge). */
export const TrackerCounts = z.record(TrackerView, z.number().int());
export type TrackerCounts = Record<TrackerView, number>;

export const TrackerItem = ApplicationSummary.extend({
  stage: TrackerStage.nullable(),
  stageChangedAt: z.string().nullable(),
  notes: z.string(),
});
export type TrackerItem = z.infer<typeof TrackerItem>;

export const TrackerPage = z.object({
  items: z.array(TrackerItem),
  nextCursor: z.string().nullable(),
  counts: TrackerCounts,
});
export type TrackerPage = z.infer<typeof TrackerPage>;
