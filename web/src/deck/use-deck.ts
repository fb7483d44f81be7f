// The deck's state: the cards to show, the next page fetched before the deck runs low, the swipes
// (optimistic: the card leaves at once, the outbox sends it) and undo of the last one. A
// right-swipe on a card whose form asks what the profile cannot answer is sent at once too, and
// the card's questions are asked in its place; their answers follow the swipe through the outbox.
// The last cards are cached so a reload while offline still has a deck to swipe.
import type {
  ApplicationSummary,
  JobView,
  OwedQuestions,
  Question,
  SwipeDirection,
  SwipeResponse,
} from '@jobswipe/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeckFilters } from '../api/client.ts';
import { ApiError, NetworkError } from '../api/http.ts';
import { DECK_PAGE_SIZE, deckKey, takeFirstDeck } from '../boot/early.ts';
import { newIdempotencyKey, outboxStamp } from '../offline/swipe-outbox.ts';
import { useServices } from '../services.tsx';
import type { GivenAnswer } from '../ui/question-input.tsx';
import { useRetryWhileFailing } from '../ui/use-retry-while-failing.ts';
import { userMessage } from '../ui/user-message.ts';
import { answeredDeadline, answersDeadline, expectedDeadline } from './undo-window.ts';

/** Fetch the next page when fewer cards than this are left. */
const PRELOAD_AT = 4;
const CACHE_SIZE = 20;

/** A deck card carries what the user still owes its form; one cached before that may not. */
export type DeckItem = JobView & { questions?: OwedQuestions };

/** A right-swiped card whose questions are being answered. */
export interface Asking {
  job: DeckItem;
  questions: Question[];
  /** The swipe's idempotency key: its answers follow it. */
  swipeKey: string;
}

export interface DeckState {
  cards: DeckItem[];
  loading: boolean;
  exhausted: boolean;
  error: unknown;
  canUndo: boolean;
  /** A short message about the last action (announced to screen readers). */
  notice: string | null;
  /** The last right-swipe while it may still be undone: its undo window's countdown. */
  lastApply: LastApply | null;
  /** An undo refused because the application already went out: cancelling it is what is left. */
  alreadyApplying: { job: JobView; applicationId: string | null } | null;
  /** The card asking its questions after its right-swipe, in its own place on the deck. */
  asking: Asking | null;
}

export interface LastApply {
  job: JobView;
  /** This device's clock when the user swiped. */
  swipedAt: number;
  /** When the undo window closes, on this device's clock; null: no countdown to show. */
  deadline: number | null;
  /** The server answered: until then the swipe is in the outbox and undo only takes it out. */
  answered: boolean;
}

interface Swiped {
  job: DeckItem;
  direction: SwipeDirection;
}

function cacheKey(userId: string): string {
  return `jobswipe.deck.${userId}`;
}

/** Signing out leaves no one's job cards behind on a shared computer. */
export function forgetDeck(userId: string): void {
  localStorage.removeItem(cacheKey(userId));
}

function readCache(userId: string): DeckItem[] {
  try {
    return JSON.parse(localStorage.getItem(cacheKey(userId)) ?? '[]') as DeckItem[];
  } catch {
    return [];
  }
}

export function useDeck(userId: string, filters: DeckFilters) {
  const { api, sync } = useServices();
  const [state, setState] = useState<DeckState>({
    cards: [],
    loading: true,
    exhausted: false,
    error: null,
    canUndo: false,
    notice: null,
    lastApply: null,
    alreadyApplying: null,
    asking: null,
  });
  const cursor = useRef<string | null>(null);
  const fetching = useRef(false);
  const generation = useRef(0);
  const history = useRef<Swiped[]>([]);
  /** Jobs swiped here (or waiting in the outbox): a page fetched meanwhile may still hold them. */
  const swiped = useRef(new Set<string>());
  const filterKey = JSON.stringify(filters);

  const loadPage = useCallback(
    async (first: boolean) => {
      if (fetching.current && !first) return;
      const mine = first ? ++generation.current : generation.current;
      fetching.current = true;
      // A failed load's error stays up while it is tried again, so the page does not flicker.
      setState((s) => ({ ...s, loading: true }));
      try {
        for (const p of sync?.snapshot.pending ?? []) swiped.current.add(p.jobId);
        const filters = JSON.parse(filterKey) as DeckFilters;
        // The first page may already be on its way, asked for before React loaded.
        const early = first ? takeFirstDeck(deckKey(userId, filters)) : null;
        const page = await (early ??
          api.deck(filters, first ? undefined : (cursor.current ?? undefined), DECK_PAGE_SIZE));
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setState((s) => {
          const known = new Set(first ? [] : s.cards.map((c) => c.id));
          const fresh = page.items.filter((j) => !swiped.current.has(j.id) && !known.has(j.id));
          return {
            ...s,
            cards: first ? fresh : [...s.cards, ...fresh],
            loading: false,
            error: null,
            exhausted: page.nextCursor === null,
          };
        });
      } catch (err) {
        if (mine !== generation.current) return;
        const cached =
          err instanceof NetworkError && first ? readCache(userId).filter((j) => !swiped.current.has(j.id)) : [];
        setState((s) => ({ ...s, loading: false, error: err, cards: cached.length ? cached : s.cards }));
      } finally {
        if (mine === generation.current) fetching.current = false;
      }
    },
    [api, sync, filterKey, userId],
  );

  useEffect(() => {
    // Wait for the outbox: its waiting swipes must not come back as cards.
    if (!sync) return;
    cursor.current = null;
    fetching.current = false;
    void loadPage(true);
  }, [loadPage, sync]);

  // After a failed load (or an offline start), the live deck is fetched again once reachable.
  const reloadDeck = useCallback(() => void loadPage(true), [loadPage]);
  useRetryWhileFailing(state.error !== null, reloadDeck);

  // Preload: ask for the next page while a few cards are still left.
  useEffect(() => {
    if (state.cards.length < PRELOAD_AT && !state.exhausted && !state.loading && !state.error && cursor.current) {
      void loadPage(false);
    }
    // Only a deck the server gave is worth keeping (not the empty one before the first answer).
    if (state.loading || state.error) return;
    try {
      localStorage.setItem(cacheKey(userId), JSON.stringify(state.cards.slice(0, CACHE_SIZE)));
    } catch {
      // Storage full or disabled: the cache is a convenience.
    }
  }, [state.cards, state.exhausted, state.loading, state.error, loadPage, userId]);

  const swipe = useCallback(
    (direction: SwipeDirection, graceMs?: number) => {
      const job = state.cards[0];
      if (!job || !sync) return;
      swiped.current.add(job.id);
      history.current.push({ job, direction });
      const swipedAt = Date.now();
      const swipeKey = newIdempotencyKey();
      const owed = direction === 'right' && job.questions?.checked ? job.questions.owed : [];
      setState((s) => ({
        ...s,
        cards: s.cards.filter((c) => c.id !== job.id),
        canUndo: true,
        alreadyApplying: null,
        // While its questions are open the application waits for them: no countdown runs.
        lastApply:
          direction === 'right' && owed.length === 0
            ? { job, swipedAt, deadline: expectedDeadline(swipedAt, graceMs), answered: false }
            : null,
        asking: owed.length > 0 ? { job, questions: owed, swipeKey } : null,
        notice:
          direction === 'left'
            ? `Passed on ${job.title}.`
            : owed.length > 0
              ? `${job.title} asks ${owed.length} question${owed.length === 1 ? '' : 's'} before it goes out.`
              : applyingNotice(job),
      }));
      void sync
        .enqueue({
          idempotencyKey: swipeKey,
          userId,
          jobId: job.id,
          direction,
          job: { title: job.title, company: job.company },
          createdAt: outboxStamp(),
        })
        .catch((err: unknown) => setState((s) => ({ ...s, notice: userMessage(err) })));
    },
    [state.cards, sync, userId],
  );

  const undo = useCallback(async () => {
    const last = history.current.pop();
    if (!last || !sync) return;
    setState((s) => ({ ...s, canUndo: history.current.length > 0 }));
    try {
      if (!(await sync.retract(last.job.id))) await api.undoSwipe(last.job.id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_applying') {
        // The swipe stands for good: what is left is cancelling the application, on its page.
        setState((s) => ({
          ...s,
          lastApply: null,
          alreadyApplying: { job: last.job, applicationId: applicationIdOf(err.details) },
          notice: `Already applying to ${last.job.title}: the undo window has passed.`,
        }));
        return;
      }
      history.current.push(last);
      setState((s) => ({
        ...s,
        canUndo: true,
        notice: `Could not undo: ${userMessage(err)}`,
      }));
      return;
    }
    swiped.current.delete(last.job.id);
    setState((s) => ({
      ...s,
      cards: [last.job, ...s.cards.filter((c) => c.id !== last.job.id)],
      canUndo: history.current.length > 0,
      lastApply: null,
      alreadyApplying: null,
      asking: s.asking?.job.id === last.job.id ? null : s.asking,
      notice: `Undone: ${last.job.title} is back.`,
    }));
  }, [api, sync]);

  const say = useCallback((notice: string) => setState((s) => ({ ...s, notice })), []);

  /**
   * The asked card's answers: they follow its swipe out (now, or when the network is back). They
   * complete the swipe, so its undo window counts down from now, as a swipe's without questions does.
   */
  const answer = useCallback(
    (answers: GivenAnswer[], graceMs?: number) => {
      const asking = state.asking;
      if (!asking || !sync) return;
      const { job } = asking;
      const at = Date.now();
      setState((s) => ({
        ...s,
        asking: null,
        lastApply: { job, swipedAt: at, deadline: expectedDeadline(at, graceMs), answered: false },
        notice: answersNotice(job),
      }));
      void sync
        .enqueue({
          kind: 'answers',
          idempotencyKey: `${asking.swipeKey}-answers`,
          swipeKey: asking.swipeKey,
          userId,
          jobId: job.id,
          job: { title: job.title, company: job.company },
          answers,
          createdAt: outboxStamp(),
        })
        .catch((err: unknown) => setState((s) => ({ ...s, notice: userMessage(err) })));
    },
    [state.asking, sync, userId],
  );

  /** Answer later: the application waits for them under Applications ("needs you"). */
  const later = useCallback(() => {
    setState((s) =>
      s.asking
        ? {
            ...s,
            asking: null,
            notice: `${s.asking.job.title} waits for your answers under Applications.`,
          }
        : s,
    );
  }, []);

  /** The server answered for the last right-swipe of `jobId`: its countdown follows the server's window. */
  const followServer = useCallback(
    (jobId: string, deadline: (apply: LastApply, arrivedAt: number) => number | null) => {
      const arrivedAt = Date.now();
      setState((s) =>
        s.lastApply?.job.id === jobId
          ? { ...s, lastApply: { ...s.lastApply, answered: true, deadline: deadline(s.lastApply, arrivedAt) } }
          : s,
      );
    },
    [],
  );

  /** The server's answer to a swipe. */
  const answered = useCallback(
    (jobId: string, response: SwipeResponse) =>
      followServer(jobId, (apply, at) => answeredDeadline(apply.swipedAt, at, response)),
    [followServer],
  );

  /** The server's answer to a card's answers: the application's undo window, if it holds one. */
  const answersArrived = useCallback(
    (jobId: string, application: ApplicationSummary | null) =>
      followServer(jobId, (apply, at) => answersDeadline(apply, at, application?.undoUntil ?? null)),
    [followServer],
  );

  return { ...state, swipe, undo, say, answered, answer, answersArrived, later, retry: () => loadPage(true) };
}

/** The application an "already applying" refusal names, for the link to cancel it. */
function applicationIdOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('applicationId' in details)) return null;
  const id = (details as { applicationId: unknown }).applicationId;
  return typeof id === 'string' ? id : null;
}

/** What a right-swipe announces; the undo bar shows it on screen, with its countdown. */
export function applyingNotice(job: JobView): string {
  return `Applying to ${job.title} at ${job.company}.`;
}

/** What answers given in a card announce; the undo bar shows the application going out, with its countdown. */
export function answersNotice(job: JobView): string {
  return `Answers saved: applying to ${job.title} at ${job.company}.`;
}
