// The user's applications on their way (from every device and the server), with about when each
// should start here: from how long applications have taken on this computer, measured.
import type { DesktopState, QueuedApplication } from '../shared/ipc.ts';

function eta(item: QueuedApplication, state: DesktopState): string {
  if (item.status === 'CLAIMED' || item.status === 'RUNNING') return 'running now';
  if (item.lane === 'server') return "on JobSwipe's servers";
  if (state.paused) return 'after you resume';
  if (!item.etaAt) return state.paceMs ? 'waiting' : 'start time known after the first application here';
  const minutes = Math.round((Date.parse(item.etaAt) - Date.now()) / 60_000);
  return minutes < 1 ? 'in less than a minute' : `in about ${minutes} min`;
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
              <span className="muted">{eta(item, state)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Nothing waiting. Swipe right on the site to add to it.</p>
      )}
      {more > 0 && <p className="muted">And {more} more.</p>}
      {state.paceMs !== null && (
        <p className="muted" data-testid="pace">
          An application takes about {Math.max(1, Math.round(state.paceMs / 1000))} s on this computer (measured).
        </p>
      )}
    </section>
  );
}
