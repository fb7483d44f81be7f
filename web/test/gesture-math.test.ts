// The swipe gesture's decisions: what a release does, how far the card tilts, how fast a flick is.
import { describe, expect, it } from 'vitest';
import { commitment, GESTURE, releaseDecision, rotationFor, VelocityTracker } from '../src/deck/gesture-math.ts';

const WIDTH = 400;
const threshold = WIDTH * GESTURE.distanceRatio;

describe('releaseDecision', () => {
  it('swipes in the drag direction once past the distance threshold, even when let go slowly', () => {
    expect(releaseDecision(threshold, 0, WIDTH)).toBe('right');
    expect(releaseDecision(-threshold - 1, 0, WIDTH)).toBe('left');
  });

  it('snaps back below the threshold when the release is slow', () => {
    expect(releaseDecision(threshold - 1, 0.1, WIDTH)).toBeNull();
    expect(releaseDecision(-(threshold - 1), -0.1, WIDTH)).toBeNull();
    expect(releaseDecision(0, 5, WIDTH)).toBeNull();
  });

  it('swipes on a fast flick short of the threshold, but not on a jittery tap', () => {
    expect(releaseDecision(GESTURE.flickMinDistance, GESTURE.flickVelocity, WIDTH)).toBe('right');
    expect(releaseDecision(-60, -1.2, WIDTH)).toBe('left');
    expect(releaseDecision(GESTURE.flickMinDistance - 1, 3, WIDTH)).toBeNull();
  });

  it('does not swipe when flung back against the drag direction', () => {
    expect(releaseDecision(60, -1, WIDTH)).toBeNull();
    expect(releaseDecision(threshold + 10, -GESTURE.flickVelocity, WIDTH)).toBeNull();
    expect(releaseDecision(threshold + 10, -GESTURE.flickVelocity / 2, WIDTH)).toBe('right');
  });
});

describe('rotation and commitment', () => {
  it('tilts with the drag, up to the maximum, in the drag direction', () => {
    expect(rotationFor(0, WIDTH)).toBe(0);
    expect(rotationFor(WIDTH / 2, WIDTH)).toBeCloseTo(GESTURE.maxRotation / 2);
    expect(rotationFor(-WIDTH * 3, WIDTH)).toBe(-GESTURE.maxRotation);
    expect(rotationFor(50, 0)).toBe(0);
  });

  it('grows from 0 to 1 as the drag reaches the threshold', () => {
    expect(commitment(0, WIDTH)).toBe(0);
    expect(commitment(-threshold / 2, WIDTH)).toBeCloseTo(0.5);
    expect(commitment(threshold * 2, WIDTH)).toBe(1);
  });
});

describe('VelocityTracker', () => {
  it('measures the speed of the last moments of the drag only', () => {
    const v = new VelocityTracker();
    v.reset(0, 0);
    // Slow for a second, then a fast final 50 ms: the release speed is the fast part.
    for (let t = 10; t <= 1000; t += 10) v.add(t * 0.05, t);
    for (let t = 1010; t <= 1050; t += 10) v.add(50 + (t - 1000) * 2, t);
    expect(v.velocity()).toBeGreaterThan(1);
  });

  it('is 0 without movement over time', () => {
    const v = new VelocityTracker();
    expect(v.velocity()).toBe(0);
    v.reset(10, 5);
    expect(v.velocity()).toBe(0);
    v.add(10, 5);
    expect(v.velocity()).toBe(0);
  });
});
