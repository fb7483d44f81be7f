// Under the deck after a right-swipe: the undo window counting down ("Applying in 4 s · Undo"),
// and once an undo came too late, "already applying" with the way to cancel instead.
import { useEffect, useState } from 'react';
import { Link } from '../router.tsx';
import { secondsLeft } from './undo-window.ts';
import type { DeckState, LastApply } from './use-deck.ts';

/** Re-renders about four times a second until `deadline` (so the seconds shown are never late). */
function useNow(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= deadline) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);
  return now;
}

function Countdown({ apply, onUndo }: { apply: LastApply; onUndo: () => void }) {
  const now = useNow(apply.deadline);
  // Not sent yet (offline): undo only takes it out of this device's outbox, so it always works.
  const open = !apply.answered || (apply.deadline !== null && now < apply.deadline);
  if (!open) return null;
  const left = apply.deadline === null ? null : secondsLeft(apply.deadline, now);
  const total = apply.deadline === null ? 1 : Math.max(1, apply.deadline - apply.swipedAt);
  const share = apply.deadline === null ? 1 : Math.max(0, (apply.deadline - now) / total);
  return (
    <div className="undo-bar" data-testid="undo-countdown">
      <p>
        Applying to <strong>{apply.job.title}</strong>
        {left === null ? ' — waiting to send' : <> in {left} s</>}
      </p>
      <button type="button" className="btn btn-small" onClick={onUndo}>
        Undo
      </button>
      {left !== null && <span className="undo-meter" aria-hidden="true" style={{ transform: `scaleX(${share})` }} />}
    </div>
  );
}

export function UndoBar({
  deck,
  onUndo,
}: {
  deck: Pick<DeckState, 'lastApply' | 'alreadyApplying'>;
  onUndo: () => void;
}) {
  if (deck.alreadyApplying) {
    const { job, applicationId } = deck.alreadyApplying;
    return (
      <div className="undo-bar undo-late" role="alert">
        <p>
          Already applying to <strong>{job.title}</strong>: the undo window has passed.
        </p>
        <Link className="btn btn-small" to={applicationId ? `/applications/${applicationId}` : '/applications'}>
          Cancel the application
        </Link>
      </div>
    );
  }
  return deck.lastApply ? <Countdown key={deck.lastApply.job.id} apply={deck.lastApply} onUndo={onUndo} /> : null;
}
