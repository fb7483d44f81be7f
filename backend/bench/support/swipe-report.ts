// The swipe bench's results: a table on stdout (ours, the plain-Postgres baseline, their ratios)
// and the same figures as JSON for tooling.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SwipePath } from '../measures/swipe-path.ts';
import { type MachineLoad, machine } from './report.ts';

const dropped = (n: number) => (n ? `; ${n} not sent (could not keep up)` : '');
const ratio = (ours: number, baseline: number) => Math.round((ours / baseline) * 100) / 100;

export function swipeRatios(results: SwipePath) {
  return results.runs.map((run) => ({
    name: run.name,
    /** Our throughput as a share of the baseline's: 1 would be as fast as raw pg. */
    throughput: ratio(run.ours.perSecond, run.baseline.perSecond),
    /** Our p99 latency as a multiple of the baseline's: 1 would be as fast as raw pg. */
    p99: ratio(run.ours.latencyMs.p99, run.baseline.latencyMs.p99),
    p50: ratio(run.ours.latencyMs.p50, run.baseline.latencyMs.p50),
  }));
}

export function printSwipeTable(results: SwipePath, load: MachineLoad): void {
  const ratios = swipeRatios(results);
  console.table(
    results.runs.flatMap((run, i) => {
      const codes = Object.entries(run.ours.statusCodes)
        .map(([code, n]) => `${n}×${code}`)
        .join(' ');
      return [
        {
          measure: `right-swipe API, ${run.name}`,
          'swipes/s': run.ours.perSecond,
          p50: `${run.ours.latencyMs.p50} ms`,
          p99: `${run.ours.latencyMs.p99} ms`,
          note: `${run.ours.completed} measured: ${codes}${dropped(run.ours.dropped)}; node CPU ${run.ours.nodeCpuMsPerSwipe} ms/swipe, load generator ${run.ours.clientCpuMsPerSwipe}`,
        },
        {
          measure: `plain pg baseline, ${run.name}`,
          'swipes/s': run.baseline.perSecond,
          p50: `${run.baseline.latencyMs.p50} ms`,
          p99: `${run.baseline.latencyMs.p99} ms`,
          note: `${run.baseline.completed} writes, ${run.baseline.failed} failed${dropped(run.baseline.dropped)}`,
        },
        {
          measure: '  ours ÷ baseline',
          'swipes/s': `${ratios[i]!.throughput}×`,
          p50: `${ratios[i]!.p50}×`,
          p99: `${ratios[i]!.p99}×`,
          note: '',
        },
      ];
    }),
  );
  const busiest = Math.max(load.atStart, load.atEnd);
  if (busiest > cpus().length) {
    console.log(
      `Note: the machine was busy with other work (load average ${load.atStart} at start, ${load.atEnd} at end, ${cpus().length} cores): these figures are pessimistic.`,
    );
  }
}

export async function writeSwipeJson(results: SwipePath, load: MachineLoad, file: URL): Promise<void> {
  const path = fileURLToPath(file);
  await mkdir(dirname(path), { recursive: true });
  const body = {
    generatedAt: new Date().toISOString(),
    machine: machine(load),
    ...results,
    ratios: swipeRatios(results),
  };
  await writeFile(path, `${JSON.stringify(body, null, 2)}\n`);
}
