// The queue's start times come from how long applications took on this computer (measured, kept
// across restarts), and this device's slots: a running application frees its slot when the pace
// says it should end, and an application never starts before it may run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Pace, startTimes } from '../src/main/pace.ts';

const NOW = Date.parse('2026-06-15T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the measured pace', () => {
  it('is the median of the last applications, and a restart keeps it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jsd-pace-'));
    try {
      const pace = new Pace(join(dir, 'pace.json'));
      await pace.load();
      expect(pace.perApplicationMs).toBeNull();
      for (const ms of [40_000, 300_000, 50_000]) await pace.record(ms);
      expect(pace.perApplicationMs).toBe(50_000);
      const again = new Pace(join(dir, 'pace.json'));
      await again.load();
      expect(again.perApplicationMs).toBe(50_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('start times', () => {
  it('fill the free slots first, then follow the running ones by the pace', () => {
    const waiting = [{ availableAt: iso(NOW - 1) }, { availableAt: iso(NOW - 1) }, { availableAt: iso(NOW - 1) }];
    // Two slots; one application started 20 s ago and should end 40 s from now at 60 s each.
    const starts = startTimes(waiting, [{ startedAt: iso(NOW - 20_000) }], 2, 60_000, NOW);
    expect(starts).toEqual([NOW, NOW + 40_000, NOW + 60_000]);
  });

  it('never before an application may run, and scale with the pace', () => {
    const later = NOW + 10 * 60_000;
    expect(startTimes([{ availableAt: iso(later) }, { availableAt: iso(NOW) }], [], 1, 30_000, NOW)).toEqual([
      later,
      later + 30_000,
    ]);
    expect(startTimes([{ availableAt: iso(NOW) }, { availableAt: iso(NOW) }], [], 1, 90_000, NOW)[1]).toBe(
      NOW + 90_000,
    );
  });
});
