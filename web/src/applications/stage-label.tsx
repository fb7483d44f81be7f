// The tracker's stages and views in the user's words.
import type { TrackerStage, TrackerView } from '@jobswipe/protocol';

export const STAGE_LABELS: Record<TrackerStage, string> = {
  screening: 'Screening',
  interview: 'Interview',
  offer: 'Offer',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const VIEW_LABELS: Record<TrackerView, string> = {
  all: 'All',
  needs_you: 'Needs you',
  in_progress: 'In progress',
  submitted: 'Submitted',
  ...STAGE_LABELS,
  closed: 'Closed',
};

export function StageBadge({ stage }: { stage: TrackerStage }) {
  return (
    <span className={`stage stage-${stage}`} data-stage={stage}>
      {STAGE_LABELS[stage]}
    </span>
  );
}
