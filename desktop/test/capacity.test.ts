// The capacity the backend is told: the configured one, 0 while paused or in quiet hours, and a
// change announced the moment the window opens or closes.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Capacity, type CapacityState } from '../src/agent/capacity.ts';
import { parseQuietHours } from '../src/agent/quiet-hours.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 5, 15, 21, 59, 0));
});
afterEach(() => vi.useRealTimers());

it('pause and resume', () => {
  const capacity = new Capacity(3, null);
  const seen: number[] = [];
  capacity.onChange((s) => seen.push(s.capacity));
  expect(capacity.state.capacity).toBe(3);
  capacity.pause();
  capacity.pause();
  capacity.resume();
  expect(seen).toEqual([0, 3]);
});

it('quiet hours close and reopen at their boundaries; a pause outlasts them', () => {
  const capacity = new Capacity(2, parseQuietHours('22:00-22:30'));
  const seen: CapacityState[] = [];
  capacity.onChange((s) => seen.push(s));
  expect(capacity.state).toMatchObject({ capacity: 2, quiet: false });

  vi.advanceTimersByTime(60_000);
  expect(seen.at(-1)).toMatchObject({ capacity: 0, quiet: true, quietHours: '22:00-22:30' });
  capacity.pause();
  capacity.resume();
  expect(capacity.state.capacity).toBe(0);

  capacity.pause();
  vi.advanceTimersByTime(30 * 60_000);
  expect(capacity.state).toMatchObject({ capacity: 0, quiet: false, paused: true });
  capacity.resume();
  expect(seen.at(-1)).toMatchObject({ capacity: 2, quiet: false, paused: false });
  capacity.stop();
});

it('starts at 0 inside the window', () => {
  const capacity = new Capacity(1, parseQuietHours('21:00-23:00'));
  expect(capacity.state).toMatchObject({ capacity: 0, quiet: true });
  capacity.stop();
});
