// Applications this computer finished today, newest first, each with what became of it and, on
// request, its evidence as the backend keeps it: the ATS's confirmation, the answers the model
// drafted, and the screenshots (fetched by main through the evidence API the web uses).
import { useState } from 'react';
import type { DesktopState, JobSwipeBridge, Result, ResultEvidence } from '../shared/ipc.ts';
import { bridgeError } from './use-desktop.ts';

function outcome(result: Result): { text: string; tone: string } {
  if (result.status === 'SUBMITTED') return { text: 'Submitted', tone: 'status-good' };
  if (result.errorClass === 'blocked') return { text: 'Blocked by the site', tone: 'status-bad' };
  if (result.status === 'NEEDS_ATTENTION') return { text: 'Needs you', tone: 'status-warn' };
  if (result.status === 'QUEUED') return { text: 'Handed back (will be retried)', tone: '' };
  return { text: result.status.toLowerCase().replace(/_/g, ' '), tone: 'status-bad' };
}

function Evidence({ evidence }: { evidence: ResultEvidence }) {
  return (
    <div className="evidence" data-testid="evidence">
      <p>{evidence.confirmation ? `Confirmation: ${evidence.confirmation}` : 'No confirmation text from the site.'}</p>
      {evidence.modelAnswers.length > 0 && (
        <>
          <h4>Answered by the model</h4>
          <dl>
            {evidence.modelAnswers.map((a) => (
              <div key={a.field}>
                <dt>{a.field}</dt>
                <dd>{a.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {evidence.screenshots.length ? (
        <ul className="gallery">
          {evidence.screenshots.map((shot) => (
            <li key={shot.id}>
              <img src={shot.image} alt={`${shot.kind.replace('_', ' ')}, attempt ${shot.attempt}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No screenshots.</p>
      )}
    </div>
  );
}

function ResultItem({ bridge, result }: { bridge: JobSwipeBridge; result: Result }) {
  const [evidence, setEvidence] = useState<ResultEvidence | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { text, tone } = outcome(result);
  const job = `${result.title} at ${result.company}`;
  const show = () => {
    setLoading(true);
    setError(null);
    bridge
      .evidence({ applicationId: result.applicationId })
      .then(setEvidence, (err: unknown) => setError(bridgeError(err)))
      .finally(() => setLoading(false));
  };
  return (
    <li>
      <span>{job}</span>
      <span className={`status ${tone}`}>{text}</span>
      <time className="muted" dateTime={result.at}>
        {new Date(result.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
      </time>
      {result.status !== 'QUEUED' && !evidence && (
        <button
          type="button"
          className="btn btn-small"
          onClick={show}
          disabled={loading}
          aria-label={`Evidence of ${job}`}
        >
          {loading ? 'Loading…' : 'Evidence'}
        </button>
      )}
      {error && (
        <p className="note note-error" role="alert">
          {error}
        </p>
      )}
      {evidence && <Evidence evidence={evidence} />}
    </li>
  );
}

export function TodayPanel({ bridge, state }: { bridge: JobSwipeBridge; state: DesktopState }) {
  return (
    <section className="panel" aria-labelledby="today-title">
      <h2 id="today-title">Today</h2>
      {state.today.length ? (
        <ul className="list" data-testid="today">
          {state.today.map((result) => (
            <ResultItem key={`${result.applicationId}-${result.at}`} bridge={bridge} result={result} />
          ))}
        </ul>
      ) : (
        <p className="muted">No applications finished here today.</p>
      )}
    </section>
  );
}
