// The swipe deck: one card at a time, swiped by drag or flick, by the buttons or by the keyboard
// (← pass, → apply, U undo).
import type { SwipeDirection } from '@jobswipe/protocol';
import { type CSSProperties, useCallback, useEffect, useState } from 'react';
import type { DeckFilters as Filters } from '../api/client.ts';
import { NetworkError } from '../api/http.ts';
import { PendingSwipes } from '../offline/pending-swipes.tsx';
import { Link } from '../router.tsx';
import { useServices, useSyncState } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Icon } from '../ui/icon.tsx';
import { useResource } from '../ui/use-resource.ts';
import { DeckFilters } from './deck-filters.tsx';
import { savedFilters, saveFilters } from './filter-store.ts';
import { fitReasons } from './fit-reasons.ts';
import { JobCard } from './job-card.tsx';
import { QuestionsCard } from './questions-card.tsx';
import { QuotaStrip, usePlanView } from './quota-strip.tsx';
import { swipeAnswerNotice } from './swipe-answer.ts';
import { UndoBar } from './undo-bar.tsx';
import { answersNotice, applyingNotice, useDeck } from './use-deck.ts';
import { useSwipeGesture } from './use-swipe-gesture.ts';

const ACTIONS = [
  { kind: 'undo', label: 'Undo', icon: '↺', key: 'U' },
  { kind: 'pass', label: 'Pass', icon: '✕', key: 'ArrowLeft' },
  { kind: 'apply', label: 'Apply', icon: '♥', key: 'ArrowRight' },
] as const;

/** Time to read a toast: a couple of seconds plus about a reading pace's worth per character. */
function toastMs(text: string): number {
  return Math.min(12_000, 2_500 + text.length * 60);
}

/**
 * The last action's message on screen (screen readers hear it from the live region), gone once it
 * has faded so a long one leaves no empty room behind.
 */
function Toast({ text }: { text: string }) {
  const [faded, setFaded] = useState(false);
  if (faded) return null;
  return (
    <p
      className="toast"
      aria-hidden="true"
      style={{ '--toast-ms': `${toastMs(text)}ms` } as CSSProperties}
      onAnimationEnd={() => setFaded(true)}
    >
      {text}
    </p>
  );
}

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function DeckPage({ userId }: { userId: string }) {
  const [filters, setFiltersState] = useState<Filters>(() => savedFilters(userId));
  const setFilters = useCallback(
    (next: Filters) => {
      saveFilters(userId, next);
      setFiltersState(next);
    },
    [userId],
  );
  const deck = useDeck(userId, filters);
  const { swipe, undo, say, answered, answersArrived, asking } = deck;
  const { lastSent, lastAnswered } = useSyncState();
  const plan = usePlanView();
  const { api } = useServices();
  const profile = useResource(() => api.profile());
  const graceMs = plan?.undoGraceMs;

  // Reconcile with the server's answer: a swipe it had to defer is said so, the countdown follows its window.
  useEffect(() => {
    if (!lastSent) return;
    answered(lastSent.swipe.jobId, lastSent.response);
    const notice = swipeAnswerNotice(lastSent.swipe, lastSent.response);
    if (notice) say(notice);
  }, [lastSent, say, answered]);
  useEffect(() => {
    if (lastAnswered) answersArrived(lastAnswered.answers.jobId, lastAnswered.application);
  }, [lastAnswered, answersArrived]);
  const onSwipe = useCallback((direction: SwipeDirection) => swipe(direction, graceMs), [swipe, graceMs]);
  // While a swiped card asks its questions, the next card waits behind it: nothing swipes it.
  const top = asking ? undefined : deck.cards[0];
  const gesture = useSwipeGesture(onSwipe, Boolean(top));
  const { fling } = gesture;

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
      if (e.key === 'ArrowRight' && top) fling('right');
      else if (e.key === 'ArrowLeft' && top) fling('left');
      else if (e.key === 'u' || e.key === 'U') void undo();
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fling, undo, top]);

  // The undo bar shows what the last right-swipe announced: no toast repeats it.
  const lastJob = deck.lastApply?.job;
  const offlineWithCache = deck.error instanceof NetworkError && deck.cards.length > 0;

  return (
    <main className="deck-page" id="main">
      <div className="deck-toolbar">
        <h1 className="visually-hidden">Jobs for you</h1>
        {/* Keyed by the filters: a change made elsewhere ("Clear filters") resets the form too. */}
        <DeckFilters key={JSON.stringify(filters)} value={filters} onChange={setFilters} />
      </div>
      <QuotaStrip data={plan} />
      <PendingSwipes />
      {offlineWithCache ? (
        <p className="note note-warn" role="status">
          You're offline: these are the jobs saved on this device. Your swipes are kept and sent when you reconnect.
        </p>
      ) : (
        <ErrorNote error={deck.error} onRetry={() => void deck.retry()} />
      )}
      <section className="stack" aria-label="Job cards" aria-busy={deck.loading && !top}>
        {deck.cards
          .slice(0, asking ? 2 : 3)
          .reverse()
          .map((job, i, shown) => {
            const isTop = !asking && i === shown.length - 1;
            return (
              <JobCard
                key={job.id}
                job={job}
                gesture={isTop ? gesture : undefined}
                behind={shown.length - 1 - i + (asking ? 1 : 0)}
                reasons={fitReasons(job, profile.data)}
              />
            );
          })}
        {asking && (
          <QuestionsCard
            key={asking.swipeKey}
            asking={asking}
            onAnswer={(answers) => deck.answer(answers, graceMs)}
            onLater={deck.later}
          />
        )}
        {!top && !asking && deck.loading && (
          <div className="card card-skeleton">
            <span className="visually-hidden">Loading jobs…</span>
          </div>
        )}
        {!top && !asking && !deck.loading && !deck.error && (
          <div className="empty">
            <p className="empty-icon">
              <Icon name="party" size={48} />
            </p>
            <h2>You've seen every job{Object.keys(filters).length ? ' that matches your filters' : ''}</h2>
            <p className="muted">New jobs arrive every day. Meanwhile, follow your applications as they go out.</p>
            <div className="row row-center">
              {Object.keys(filters).length > 0 && (
                <button type="button" className="btn" onClick={() => setFilters({})}>
                  Clear filters
                </button>
              )}
              <Link className="btn btn-primary" to="/applications">
                See applications
              </Link>
            </div>
          </div>
        )}
      </section>
      <fieldset className="actions">
        <legend className="visually-hidden">Decide on this job</legend>
        {ACTIONS.map((action) => (
          <button
            key={action.label}
            type="button"
            className={`action action-${action.kind}`}
            onClick={() => (action.kind === 'undo' ? void undo() : fling(action.kind === 'apply' ? 'right' : 'left'))}
            disabled={action.kind === 'undo' ? !deck.canUndo : !top}
            aria-keyshortcuts={action.key}
          >
            <span aria-hidden="true">{action.icon}</span>
            <span className="action-label">{action.label}</span>
          </button>
        ))}
      </fieldset>
      <div className="deck-messages">
        <UndoBar deck={deck} onUndo={() => void undo()} />
        {deck.notice &&
          !deck.alreadyApplying &&
          !(lastJob && (deck.notice === applyingNotice(lastJob) || deck.notice === answersNotice(lastJob))) && (
            <Toast key={deck.notice} text={deck.notice} />
          )}
      </div>
      <p className="keys-hint muted">
        <kbd>←</kbd> pass · <kbd>→</kbd> apply · <kbd>U</kbd> undo
      </p>
      <p className="visually-hidden" aria-live="polite">
        {deck.notice}
      </p>
    </main>
  );
}
