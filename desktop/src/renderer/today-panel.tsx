// Applications this computer finished today, newest first, each with what became of it.
import type { DesktopState, Result } from '../shared/ipc.ts';

function outcome(result: Result): { text: string; tone: string } {
  if (result.status === 'SUBMITTED') return { text: 'Submitted', tone: 'status-good' };
  if (result.errorClass === 'blocked') return { text: 'Blocked by the site', tone: 'status-bad' };
  if (result.status === 'NEEDS_ATTENTION') return { text: 'Needs you', tone: 'status-warn' };
  if (result.status === 'QUEUED') return { text: 'Handed back (will be retried)', tone: '' };
  return { text: result.status.toLowerCase().replace(/_/g, ' '), tone: 'status-bad' };
}

export function TodayPanel({ state }: { state: DesktopState }) {
  return (
    <section className="panel" aria-labelledby="today-title">
      <h2 id="today-title">Today</h2>
      {state.today.length ? (
        <ul className="list" data-testid="today">
          {state.today.map((result) => {
            const { text, tone } = outcome(result);
            return (
              <li key={`${result.applicationId}-${result.at}`}>
                <span>
                  {result.title} at {result.company}
                </span>
                <span className={`status ${tone}`}>{text}</span>
                <time className="muted" dateTime={result.at}>
                  {new Date(result.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                </time>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No applications finished here today.</p>
      )}
    </section>
  );
}
