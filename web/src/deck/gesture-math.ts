// The numbers behind the swipe gesture, kept pure so they can be tested: how far the card turns
// while dragged, and whether a release is a swipe (far enough, or flicked fast enough) or snaps back.
import type { SwipeDirection } from '@jobswipe/protocol';

export const GESTURE = {
  /** Past this share of the card's width, letting go swipes. */
  distanceRatio: 0.35,
  /** A flick at least this fast (px/ms) swipes even when short of the distance... */
  flickVelocity: 0.5,
  /** ...once it moved this far, so a tap with a jitter never swipes. */
  flickMinDistance: 24,
  /** The card's tilt at one card-width of drag, degrees. */
  maxRotation: 18,
  /** Movement before a press becomes a drag (a smaller one is a click). */
  dragSlop: 6,
  /** Only this recent movement counts towards the release velocity, ms. */
  velocityWindow: 100,
} as const;

/** The card's tilt while dragged `dx` pixels on a card `width` wide. */
export function rotationFor(dx: number, width: number): number {
  if (width <= 0) return 0;
  const ratio = Math.max(-1, Math.min(1, dx / width));
  return ratio * GESTURE.maxRotation;
}

/** How sure the gesture is, 0 to 1: drives the LIKE / PASS stamp's opacity. */
export function commitment(dx: number, width: number): number {
  if (width <= 0) return 0;
  return Math.min(1, Math.abs(dx) / (width * GESTURE.distanceRatio));
}

/** Where a release at offset `dx` with horizontal velocity `vx` (px/ms) sends the card. */
export function releaseDecision(dx: number, vx: number, width: number): SwipeDirection | null {
  const direction: SwipeDirection = dx > 0 ? 'right' : 'left';
  if (dx === 0) return null;
  if (Math.abs(dx) >= width * GESTURE.distanceRatio) {
    // Far enough, unless flung back the other way.
    return Math.sign(vx) === -Math.sign(dx) && Math.abs(vx) >= GESTURE.flickVelocity ? null : direction;
  }
  const flick =
    Math.abs(dx) >= GESTURE.flickMinDistance &&
    Math.abs(vx) >= GESTURE.flickVelocity &&
    Math.sign(vx) === Math.sign(dx);
  return flick ? direction : null;
}

interface Sample {
  x: number;
  t: number;
}

/** Velocity over the last few pointer samples (the finger's speed as it lets go). */
export class VelocityTracker {
  private samples: Sample[] = [];

  reset(x: number, t: number): void {
    this.samples = [{ x, t }];
  }

  add(x: number, t: number): void {
    this.samples.push({ x, t });
    const cutoff = t - GESTURE.velocityWindow;
    while (this.samples.length > 2 && (this.samples[0]?.t ?? t) < cutoff) this.samples.shift();
  }

  /** px/ms; 0 with fewer than two samples or no time between them. */
  velocity(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.t <= first.t) return 0;
    return (last.x - first.x) / (last.t - first.t);
  }
}
