// How each application status reads to a job seeker: words and an icon, never colour alone.
import type { ApplicationStatus, Lane } from '@jobswipe/protocol';

type Tone = 'neutral' | 'progress' | 'good' | 'warn' | 'bad';

export const STATUS_LABELS: Record<ApplicationStatus, { label: string; icon: string; tone: Tone }> = {
  QUEUED: { label: 'Queued', icon: '◔', tone: 'neutral' },
  CLAIMED: { label: 'Starting', icon: '▶', tone: 'progress' },
  RUNNING: { label: 'Applying', icon: '⚙', tone: 'progress' },
  SUBMITTED: { label: 'Submitted', icon: '✓', tone: 'good' },
  FAILED: { label: 'Failed', icon: '✕', tone: 'bad' },
  RETRY_SCHEDULED: { label: 'Retrying soon', icon: '↻', tone: 'warn' },
  NEEDS_ATTENTION: { label: 'Needs you', icon: '!', tone: 'warn' },
  DEAD: { label: 'Gave up', icon: '✕', tone: 'bad' },
  CANCELLED: { label: 'Cancelled', icon: '⊘', tone: 'neutral' },
  EXPIRED: { label: 'Job closed', icon: '○', tone: 'neutral' },
  SCHEDULED: { label: 'Scheduled', icon: '◔', tone: 'neutral' },
  WAITING_QUOTA: { label: 'Waiting for quota', icon: '‖', tone: 'warn' },
  GRACE: { label: 'Undo window', icon: '↺', tone: 'neutral' },
};

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const s = STATUS_LABELS[status];
  return (
    <span className={`status status-${s.tone}`} data-status={status}>
      <span aria-hidden="true">{s.icon}</span> {s.label}
    </span>
  );
}

/** "Server" or "your device (desktop-3f2a…)": where the application runs. */
/** Where the application ran; one the user submitted on a form the extension filled: by hand. */
export function laneText(lane: Lane, executor: string | null, byHand = false): string {
  if (byHand) return 'applied by hand';
  const where = lane === 'server' ? 'JobSwipe servers' : 'your devices';
  return executor ? `${where} · ${executor}` : where;
}

export function ProgressBar({ step, pct }: { step: string | null; pct: number | null }) {
  if (pct === null && !step) return null;
  return (
    <div className="progress-row">
      <progress max={100} value={pct ?? undefined} aria-label={`Progress${step ? `: ${step}` : ''}`} />
      <span className="muted">
        {step ?? ''}
        {pct !== null ? ` ${pct}%` : ''}
      </span>
    </div>
  );
}
