// Drag-to-swipe for the top card with pointer events (mouse, pen and touch alike): the card
// follows the finger and tilts, snaps back below the threshold, and flies out on a far enough
// drag or a fast flick. Buttons and keys use `fling` for the same exit. The transform is written
// straight to the element, so a drag re-renders nothing but the stamp.
import type { SwipeDirection } from '@jobswipe/protocol';
import { type PointerEvent as ReactPointerEvent, useCallback, useRef, useState } from 'react';
import { commitment, GESTURE, releaseDecision, rotationFor, VelocityTracker } from './gesture-math.ts';

export interface SwipeGesture {
  ref: (el: HTMLElement | null) => void;
  handlers: {
    onPointerDown: (e: ReactPointerEvent<HTMLElement>) => void;
    onPointerMove: (e: ReactPointerEvent<HTMLElement>) => void;
    onPointerUp: (e: ReactPointerEvent<HTMLElement>) => void;
    onPointerCancel: (e: ReactPointerEvent<HTMLElement>) => void;
    onClickCapture: (e: React.MouseEvent<HTMLElement>) => void;
  };
  /** The direction the drag currently leans to, and how strongly (for the stamp). */
  lean: { direction: SwipeDirection; strength: number } | null;
  fling: (direction: SwipeDirection) => void;
}

const EXIT_MS = 220;
/** Key presses kept while a card flies out; more than this is a held key, not decisions. */
const MAX_QUEUED = 5;
const SNAP_MS = 180;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function useSwipeGesture(onSwipe: (direction: SwipeDirection) => void, enabled = true): SwipeGesture {
  const el = useRef<HTMLElement | null>(null);
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  const dragging = useRef(false);
  const moved = useRef(false);
  const leaving = useRef(false);
  const tracker = useRef(new VelocityTracker());
  /** Swipes asked for while a card is still flying out: each goes to the next card, in order. */
  const queued = useRef<SwipeDirection[]>([]);
  const flingRef = useRef<(direction: SwipeDirection) => void>(() => undefined);
  const [lean, setLean] = useState<SwipeGesture['lean']>(null);

  const place = useCallback((dx: number, dy: number, ms: number) => {
    const node = el.current;
    if (!node) return;
    const width = node.offsetWidth;
    node.style.transition = ms ? `transform ${ms}ms ease-out` : 'none';
    node.style.transform = dx || dy ? `translate(${dx}px, ${dy}px) rotate(${rotationFor(dx, width)}deg)` : '';
    const strength = commitment(dx, width);
    setLean(strength > 0.05 ? { direction: dx > 0 ? 'right' : 'left', strength } : null);
  }, []);

  const fling = useCallback(
    (direction: SwipeDirection) => {
      if (leaving.current) {
        if (queued.current.length < MAX_QUEUED) queued.current.push(direction);
        return;
      }
      leaving.current = true;
      const node = el.current;
      if (!node || prefersReducedMotion()) {
        onSwipe(direction);
        leaving.current = false;
        return;
      }
      const distance = (window.innerWidth + node.offsetWidth) * (direction === 'right' ? 1 : -1);
      place(distance, 40, EXIT_MS);
      window.setTimeout(() => {
        leaving.current = false;
        onSwipe(direction);
      }, EXIT_MS);
    },
    [onSwipe, place],
  );
  flingRef.current = fling;

  const ref = useCallback((node: HTMLElement | null) => {
    el.current = node;
    leaving.current = false;
    if (node) {
      node.style.transition = 'none';
      node.style.transform = '';
      // The next card is in place: a swipe pressed during the last one's exit goes now.
      const next = queued.current.shift();
      if (next) requestAnimationFrame(() => flingRef.current(next));
    }
    setLean(null);
  }, []);

  const end = (e: ReactPointerEvent<HTMLElement>, cancelled: boolean) => {
    const s = start.current;
    if (!s || s.id !== e.pointerId) return;
    start.current = null;
    if (!dragging.current) return;
    dragging.current = false;
    const dx = e.clientX - s.x;
    tracker.current.add(e.clientX, e.timeStamp);
    const decision = cancelled ? null : releaseDecision(dx, tracker.current.velocity(), el.current?.offsetWidth ?? 1);
    if (decision) fling(decision);
    else place(0, 0, prefersReducedMotion() ? 0 : SNAP_MS);
  };

  return {
    ref,
    lean,
    fling,
    handlers: {
      onPointerDown: (e) => {
        if (!enabled || leaving.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
        start.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
        dragging.current = false;
        moved.current = false;
        tracker.current.reset(e.clientX, e.timeStamp);
      },
      onPointerMove: (e) => {
        const s = start.current;
        if (!s || s.id !== e.pointerId) return;
        const dx = e.clientX - s.x;
        const dy = e.clientY - s.y;
        if (!dragging.current) {
          if (Math.hypot(dx, dy) < GESTURE.dragSlop) return;
          // A mostly vertical move is a scroll of the page, not a swipe.
          if (e.pointerType !== 'mouse' && Math.abs(dy) > Math.abs(dx)) {
            start.current = null;
            return;
          }
          dragging.current = true;
          moved.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
        }
        tracker.current.add(e.clientX, e.timeStamp);
        place(dx, dy * 0.3, 0);
      },
      onPointerUp: (e) => end(e, false),
      onPointerCancel: (e) => end(e, true),
      onClickCapture: (e) => {
        // The click that ends a drag is not a click on what lies under the finger.
        if (moved.current) {
          e.preventDefault();
          e.stopPropagation();
          moved.current = false;
        }
      },
    },
  };
}
