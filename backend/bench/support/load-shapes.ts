// Three shapes of load for one operation, timed the same way whatever the operation is (a swipe
// over HTTP, or the plain-Postgres baseline's one statement), so the two sets of figures divide:
// - serial: one at a time, the latency of the path alone;
// - closed: N callers back to back for a while, the most the system sustains;
// - open: operations started on a fixed schedule (`rate` a second, evenly spaced), each timed from
//   when it was due, so a stall shows up as latency instead of quietly slowing the load (autocannon's
//   rate limit sends each second's share in a burst, which measures something else).
import { type Distribution, distribution } from '@jobswipe/testkit/stats';

/** One operation; resolves true when it had the expected outcome (a new application). */
export type Operation = () => Promise<boolean>;

export type LoadShape =
  | { kind: 'serial'; count: number; warmup: number }
  | { kind: 'closed'; concurrency: number; warmupS: number; durationS: number }
  | { kind: 'open'; rate: number; warmupS: number; durationS: number };

export interface LoadResult {
  /** Operations completed a second while measuring. */
  perSecond: number;
  completed: number;
  /** Operations that did not have the expected outcome (also counted in `completed`). */
  failed: number;
  /**
   * Open load only: operations never started because more than two seconds' worth were already
   * waiting (the system could not keep up; going on would only measure the backlog).
   */
  dropped: number;
  latencyMs: Distribution;
}

export function runShape(shape: LoadShape, op: Operation): Promise<LoadResult> {
  if (shape.kind === 'serial') return serial(shape.count, shape.warmup, op);
  if (shape.kind === 'closed') return closed(shape.concurrency, shape.warmupS, shape.durationS, op);
  return open(shape.rate, shape.warmupS, shape.durationS, op);
}

class Tally {
  readonly latencies: number[] = [];
  failed = 0;
  dropped = 0;

  record(ok: boolean, ms: number): void {
    this.latencies.push(ms);
    if (!ok) this.failed += 1;
  }

  result(seconds: number): LoadResult {
    return {
      perSecond: Math.round(this.latencies.length / seconds),
      completed: this.latencies.length,
      failed: this.failed,
      dropped: this.dropped,
      latencyMs: distribution(this.latencies),
    };
  }
}

async function serial(count: number, warmup: number, op: Operation): Promise<LoadResult> {
  const tally = new Tally();
  let measuredMs = 0;
  for (let i = 0; i < warmup + count; i++) {
    const started = performance.now();
    const ok = await op();
    const ms = performance.now() - started;
    if (i < warmup) continue;
    tally.record(ok, ms);
    measuredMs += ms;
  }
  return tally.result(measuredMs / 1000);
}

async function closed(concurrency: number, warmupS: number, durationS: number, op: Operation): Promise<LoadResult> {
  const tally = new Tally();
  const from = performance.now() + warmupS * 1000;
  const until = from + durationS * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const ok = await op();
      if (started >= from) tally.record(ok, performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return tally.result((performance.now() - from) / 1000);
}

async function open(rate: number, warmupS: number, durationS: number, op: Operation): Promise<LoadResult> {
  const tally = new Tally();
  const interval = 1000 / rate;
  const warmupCount = Math.round(rate * warmupS);
  const total = warmupCount + Math.round(rate * durationS);
  const backlogLimit = rate * 2;
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now starts now; its latency still counts from when it was due.
      while (next < total && start + next * interval <= now) {
        const due = start + next * interval;
        const measured = next >= warmupCount;
        next += 1;
        if (inFlight.size >= backlogLimit) {
          if (measured) tally.dropped += 1;
          continue;
        }
        const run = op().then(
          (ok) => (measured ? tally.record(ok, performance.now() - due) : undefined),
          () => (measured ? tally.record(false, performance.now() - due) : undefined),
        );
        const tracked = run.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  return tally.result((performance.now() - (start + warmupCount * interval)) / 1000);
}
