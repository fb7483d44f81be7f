// How long an application takes on this computer, measured: the durations (claim to result) of
// the last applications run here, kept in the app's data folder so a restart does not forget them.
// The queue's estimated start times come from it; before one has run here there is no estimate.
import { z } from 'zod';
import { readPrivateJson, writePrivateJson } from '../agent/private-file.ts';

const KEPT = 20;
const PaceFile = z.object({ durationsMs: z.array(z.number().int().positive()).max(KEPT) });

export class Pace {
  private durations: number[] = [];

  constructor(readonly location: string) {}

  async load(): Promise<void> {
    // A damaged file only costs the estimate until the next application.
    const file = await readPrivateJson(this.location, PaceFile, '').catch(() => null);
    this.durations = file?.durationsMs ?? [];
  }

  /** The median of the last applications here, in ms; null before the first. */
  get perApplicationMs(): number | null {
    if (!this.durations.length) return null;
    const sorted = [...this.durations].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  }

  async record(durationMs: number): Promise<void> {
    if (!(durationMs > 0)) return;
    this.durations = [...this.durations, Math.round(durationMs)].slice(-KEPT);
    await writePrivateJson(this.location, { durationsMs: this.durations }).catch(() => {});
  }
}

/**
 * About when each waiting application starts here: this device's slots (capacity) free up when
 * their running applications should end by the measured pace, and each waiting one takes the
 * first free slot, not before it may run (`availableAt`).
 */
export function startTimes(
  waiting: Array<{ availableAt: string }>,
  running: Array<{ startedAt: string }>,
  capacity: number,
  paceMs: number,
  now = Date.now(),
): number[] {
  const slots = Array.from({ length: Math.max(1, capacity) }, (_, i) => {
    const r = running[i];
    return r ? Math.max(now, Date.parse(r.startedAt) + paceMs) : now;
  });
  return waiting.map((a) => {
    slots.sort((x, y) => x - y);
    const start = Math.max(slots[0]!, Date.parse(a.availableAt));
    slots[0] = start + paceMs;
    return start;
  });
}
