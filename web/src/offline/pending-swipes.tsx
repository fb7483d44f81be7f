// What the outbox holds, shown to the user: swipes made offline wait here until they are sent.
import { useServices, useSyncState } from '../services.tsx';

export function PendingSwipes() {
  const { sync } = useServices();
  const { pending, offline, refused } = useSyncState();
  if (pending.length === 0 && refused.length === 0) return null;
  return (
    <section className="pending" aria-label="Swipes waiting to be sent" data-testid="pending-swipes">
      {pending.length > 0 && (
        <div className={`note ${offline ? 'note-warn' : 'note-info'}`} role="status">
          <span aria-hidden="true">{offline ? '‖' : '↻'}</span>
          <p>
            <strong>
              {pending.length} {pending.length === 1 ? 'swipe' : 'swipes'} waiting to be sent
            </strong>
            {offline ? ' — you are offline; they are saved on this device and go out when you reconnect.' : '…'}
          </p>
          {offline && (
            <button type="button" className="btn btn-small" onClick={() => void sync?.flush()}>
              Retry now
            </button>
          )}
        </div>
      )}
      {pending.length > 0 && (
        <ul className="pending-list">
          {pending.map((p) => (
            <li key={p.idempotencyKey}>
              <span className={`dir dir-${p.direction}`}>{p.direction === 'right' ? 'Apply' : 'Pass'}</span>
              {p.job.title} · {p.job.company}
            </li>
          ))}
        </ul>
      )}
      {refused.map((r) => (
        <div className="note note-error" role="alert" key={r.swipe.idempotencyKey}>
          <p>
            {r.swipe.job.title} at {r.swipe.job.company}: {r.message}
          </p>
        </div>
      ))}
    </section>
  );
}
