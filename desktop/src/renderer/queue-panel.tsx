// The user's applications on their way (from every device and the server), with about when each
// should start here.
import type { DesktopState } from '../shared/ipc.ts';

function eta(at: string | null, status: string, paused: boolean): string {
  if (status === 'CLAIMED' || status === 'RUNNING') return 'running now';
  if (!at || paused) return 'after you resume';
  const minutes = Math.max(1, Math.round((Date.parse(at) - Date.now()) / 60_000));
  return `in about ${minutes} min`;
}

export function QueuePanel({ state }: { state: DesktopState }) {
  const more = state.queueTotal - state.queue.length;
  return (
    <section className="panel" aria-labelledby="queue-title">
      <h2 id="queue-title">Queue</h2>
      {state.queue.length ? (
        <ol className="list" data-testid="queue">
          {state.queue.map((item) => (
            <li key={item.applicationId}>
              <span>
                {item.title} at {item.company}
              </span>
              <span className="muted">{eta(item.etaAt, item.status, state.paused)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Nothing waiting. Swipe right on the site to add to it.</p>
      )}
      {more > 0 && <p className="muted">And {more} more.</p>}
    </section>
  );
}
