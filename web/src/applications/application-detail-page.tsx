// One application: the job as it was swiped, where it stands (live), its history, the evidence
// and the confirmation, and what the user can do: cancel, retry, or answer its questions.
import { type ApplicationDetail, type FilledField, isHeld, TRANSITIONS } from '@jobswipe/protocol';
import { useCallback, useState } from 'react';
import { LiveBadge } from '../events/live-badge.tsx';
import { useLiveEvents } from '../events/use-live-events.ts';
import { Link } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { ScrollRegion } from '../ui/scroll-region.tsx';
import { timeAgo } from '../ui/time-ago.ts';
import { useResource } from '../ui/use-resource.ts';
import { AnswerForm } from './answer-form.tsx';
import { EvidenceGallery } from './evidence-gallery.tsx';
import { withLiveState } from './live-update.ts';
import { laneText, ProgressBar, STATUS_LABELS, StatusBadge } from './status-label.tsx';
import { TrackingPanel } from './tracking-panel.tsx';

const CANCELLABLE: readonly string[] = TRANSITIONS.cancel.from;
const RETRYABLE: readonly string[] = TRANSITIONS.requeue.from.filter((s) => s !== 'NEEDS_ATTENTION');

/** Where an answer came from, in the user's words: a profile field, a saved answer, a rule, the model. */
function provenance(f: FilledField): string {
  const ref = f.ref ?? '';
  if (ref.startsWith('answer:')) return `Your saved answer to "${ref.slice('answer:'.length)}"`;
  if (ref.startsWith('profile.')) return `Your profile (${ref.slice('profile.'.length)})`;
  if (ref.startsWith('default:')) return `JobSwipe's rule: ${ref.slice('default:'.length)}`;
  if (f.source === 'ai') return 'Written by the AI assistant';
  if (f.source === 'resume') return 'Your documents';
  return f.source;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function Snapshot({ snapshot }: { snapshot: ApplicationDetail['snapshot'] }) {
  if (!snapshot) return <p className="muted">The posting was not saved.</p>;
  const points = Array.isArray(snapshot.keyPoints)
    ? snapshot.keyPoints.filter((p): p is string => typeof p === 'string')
    : [];
  return (
    <div className="snapshot">
      <p>
        <strong>{text(snapshot.title)}</strong> · {text(snapshot.company)} · {text(snapshot.location)}
      </p>
      {points.length > 0 && (
        <ul className="key-points">
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {text(snapshot.description) && (
        <ScrollRegion label="Job description" className="snapshot-description">
          {text(snapshot.description)}
        </ScrollRegion>
      )}
      {text(snapshot.applyUrl) && (
        <p className="small">
          <a href={text(snapshot.applyUrl) ?? undefined} target="_blank" rel="noreferrer">
            Original posting
          </a>
        </p>
      )}
    </div>
  );
}

export function ApplicationDetailPage({ id }: { id: string }) {
  const { api } = useServices();
  const detail = useResource(() => api.application(id), id);
  const [action, setAction] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  /** Cancelling cannot be taken back: the button asks first. */
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { reload, set } = detail;

  const live = useLiveEvents({
    onReady: useCallback(() => void reload(), [reload]),
    onMessage: (m) => {
      if (m.type !== 'application' || m.application.id !== id) return;
      set((d) => d && withLiveState(d, m.application));
      // The timeline and evidence come with the full record.
      void reload();
    },
  });

  async function act(run: () => Promise<unknown>) {
    setAction({ busy: true, error: null });
    try {
      await run();
      await reload();
      setAction({ busy: false, error: null });
    } catch (err) {
      setAction({ busy: false, error: err });
    }
  }

  const app = detail.data;
  if (!app) {
    return (
      <main className="page" id="main" aria-busy={detail.loading}>
        <p>
          <Link to="/applications">← Applications</Link>
        </p>
        <ErrorNote error={detail.error} onRetry={() => void reload()} />
      </main>
    );
  }
  const canCancel = CANCELLABLE.includes(app.status) || (isHeld(app.status) && app.progressStep !== 'submitting');
  const canRetry = RETRYABLE.includes(app.status);

  return (
    <main className="page" id="main">
      <p>
        <Link to="/applications">← Applications</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{app.job.title}</h1>
          <p className="muted">
            {app.job.company} · {app.job.location}
          </p>
        </div>
        <LiveBadge status={live} />
      </div>

      <section className="panel" aria-label="Status">
        <div className="row row-between">
          <StatusBadge status={app.status} />
          <span className="muted small">
            {laneText(app.lane, app.executor, app.byHand)} · attempt {Math.min(app.attempt + 1, app.maxAttempts)} of{' '}
            {app.maxAttempts} · swiped {timeAgo(app.createdAt)}
          </span>
        </div>
        {isHeld(app.status) && <ProgressBar step={app.progressStep} pct={app.progressPct} />}
        {app.lastError && app.status !== 'SUBMITTED' && <p className="small">Last problem: {app.lastError}</p>}
        {app.confirmation && (
          <div className="note note-ok" data-testid="confirmation">
            <span aria-hidden="true">✓</span>
            <p>Confirmation: {app.confirmation}</p>
          </div>
        )}
        <ErrorNote error={action.error} />
        {(canCancel || canRetry) && (
          <div className="row">
            {canRetry && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={action.busy}
                onClick={() => void act(() => api.retryApplication(app.id))}
              >
                Retry
              </button>
            )}
            {canCancel && !confirmCancel && (
              <button
                type="button"
                className="btn btn-danger"
                disabled={action.busy}
                onClick={() => setConfirmCancel(true)}
              >
                Cancel application
              </button>
            )}
          </div>
        )}
        {canCancel && confirmCancel && (
          <div className="note note-warn" role="alert">
            <p>
              Cancel your application to {app.job.title} at {app.job.company}? It will not be sent, and this cannot be
              undone.
            </p>
            <div className="row">
              <button
                type="button"
                className="btn btn-danger btn-small"
                disabled={action.busy}
                onClick={() => {
                  setConfirmCancel(false);
                  void act(() => api.cancelApplication(app.id));
                }}
              >
                Yes, cancel it
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirmCancel(false)}>
                Keep it
              </button>
            </div>
          </div>
        )}
      </section>

      {app.status === 'NEEDS_ATTENTION' && (
        <AnswerForm key={app.updatedAt} app={app} onAnswered={() => void reload()} />
      )}

      <TrackingPanel applicationId={app.id} status={app.status} />

      <div className="grid-detail">
        <section className="panel" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <ol className="timeline">
            {[...app.events].reverse().map((e) => (
              <li key={e.id}>
                <span className="timeline-when muted small">
                  <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleString()}</time>
                </span>
                <span>
                  {e.toStatus ? (
                    <strong>{STATUS_LABELS[e.toStatus].label}</strong>
                  ) : e.step ? (
                    <strong>{e.step}</strong>
                  ) : null}
                  {e.percent !== null ? ` ${e.percent}%` : ''}
                  {e.message ? ` — ${e.message}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="panel" aria-labelledby="job-title">
          <h2 id="job-title">The job as you swiped it</h2>
          <Snapshot snapshot={app.snapshot} />
        </section>
      </div>
      {app.filled.length > 0 && (
        <section className="panel" aria-labelledby="answered-title">
          <h2 id="answered-title">What was filled in, and from where</h2>
          <table className="answered">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {app.filled.map((f) => (
                <tr key={f.field}>
                  <td>{f.field}</td>
                  <td>{f.value}</td>
                  <td>{provenance(f)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="panel" aria-labelledby="evidence-title">
        <h2 id="evidence-title">Screenshots</h2>
        <EvidenceGallery evidence={app.evidence} />
      </section>
    </main>
  );
}
