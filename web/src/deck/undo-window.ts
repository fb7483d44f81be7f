// When the undo window of the last right-swipe closes, on this device's clock. The server holds a
// right-swipe for the user's grace period from when it receives it (`undoUntil` on its answer);
// the countdown must never promise more than the server gives, so it counts from the moment of the
// swipe (before the request left), and only from the answer when the swipe waited offline.
import type { SwipeResponse } from '@jobswipe/protocol';

/** Taken off a deadline counted from the server's answer: the answer's own trip back. */
const ANSWER_MARGIN_MS = 500;

/** Before the server answered: the user's grace period from the swipe (null: no window, or unknown). */
export function expectedDeadline(swipedAt: number, graceMs: number | undefined): number | null {
  return graceMs ? swipedAt + graceMs : null;
}

/**
 * From the server's answer: its grace period (undoUntil − createdAt, both on the server's clock)
 * counted from the swipe, or from the answer's arrival if the swipe waited too long to be sent.
 * Null when the application is not held for undo (grace period 0, or deferred by quota).
 */
export function answeredDeadline(swipedAt: number, answeredAt: number, response: SwipeResponse): number | null {
  const app = response.application;
  if (!app?.undoUntil) return null;
  const grace = Date.parse(app.undoUntil) - Date.parse(app.createdAt);
  if (!(grace > 0)) return null;
  const fromSwipe = swipedAt + grace;
  return fromSwipe > answeredAt ? fromSwipe : answeredAt + grace - ANSWER_MARGIN_MS;
}

/** Whole seconds left, rounded up (a countdown shows "1 s" until the very end). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * When a card's answers reached the server: it holds the application for undo from their arrival
 * (`undoUntil` set), so the countdown started when they were given stands, or restarts from the
 * arrival if they waited longer than the window (offline). Null: not held (sent at once, or kept).
 */
export function answersDeadline(
  apply: { swipedAt: number; deadline: number | null },
  arrivedAt: number,
  undoUntil: string | null,
): number | null {
  if (!undoUntil || apply.deadline === null) return null;
  return apply.deadline > arrivedAt ? apply.deadline : arrivedAt + (apply.deadline - apply.swipedAt) - ANSWER_MARGIN_MS;
}
