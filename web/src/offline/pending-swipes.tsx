// What the outbox holds, shown to the user: swipes made offline wait here until they are sent.
import { useEffect, useState } from 'react';
import { useServices, useSyncState } from '../services.tsx';
import type { PendingSwipe } from './swipe-outbox.ts';

/** Online, a swipe is sent within moments: only one still waiting after this is worth a word. */
const QUIET_MS = 2_000;

/**
 * The swipes to tell the user about: all that wait while offline; online, those still unsent after
 * a moment (a swipe on its way for a fraction of a second is no news, and would flash a banner).
 */
export function useWaitingSwipes(): PendingSwipe[] {
  const { pending, offline } = useSyncState();
  const [now, setNow] = useState(() => Date.now());
  const oldest = pending[0]?.createdAt;
  useEffect(() => {
    if (oldest === undefined || offline) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, oldest + QUIET_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [oldest, offline]);
  return offline ? pending : pending.filter((p) => now - p.createdAt >= QUIET_MS);
}

export function PendingSwipes() {
  const { sync } = useServices();
  const { offline, refused } = useSyncState();
  const pending = useWaitingSwipes();
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
