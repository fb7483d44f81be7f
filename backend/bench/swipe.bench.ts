// `npm run bench -w @jobswipe/backend` (first part): the right-swipe path on this machine, with the
// load generator beside it, and the plain-Postgres baseline (the same rows written by raw `pg` in
// one round trip) run in the same run so the ratios compare across machines. Targets (issue 11):
// ≥ 1,000 swipes/s; p99 ≤ 20 ms at 1,000/s; p99 ≤ 5 ms one at a time. Prints a table and writes
// artifacts/bench/swipe.json; asserts nothing. About 1.5 minutes.
// Run alone: npx tsx backend/bench/swipe.bench.ts. With BENCH_CPU_PROF=<dir> the node runs under
// --cpu-prof and the bench prints where its CPU time went.
import { measureSwipePath } from './measures/swipe-path.ts';
import { startBenchBackend } from './support/bench-backend.ts';
import { summarizeProfiles } from './support/profile-summary.ts';
import { currentLoad } from './support/report.ts';
import { printSwipeTable, writeSwipeJson } from './support/swipe-report.ts';

const OUTPUT = new URL('../../artifacts/bench/swipe.json', import.meta.url);
const POOL_SIZE = 10;

const profileDir = process.env.BENCH_CPU_PROF;
const loadAtStart = currentLoad();
const backend = await startBenchBackend({
  openFiles: 4_000,
  env: { DATABASE_POOL_MAX: String(POOL_SIZE) },
  ...(profileDir ? { cpuProfileDir: profileDir } : {}),
});
let results: Awaited<ReturnType<typeof measureSwipePath>>;
try {
  results = await measureSwipePath(backend, {
    users: 100,
    jobs: 800,
    formEvery: 2,
    poolSize: POOL_SIZE,
    shapes: [
      { name: 'one at a time', shape: { kind: 'serial', count: 500, warmup: 50 } },
      { name: '32 callers back to back', shape: { kind: 'closed', concurrency: 32, warmupS: 2, durationS: 10 } },
      { name: 'fixed 1,000/s', shape: { kind: 'open', rate: 1_000, warmupS: 2, durationS: 10 } },
    ],
  });
} finally {
  await backend.close();
}
const load = { atStart: loadAtStart, atEnd: currentLoad() };
printSwipeTable(results, load);
await writeSwipeJson(results, load, OUTPUT);
process.stderr.write(`bench: figures written to ${OUTPUT.pathname}\n`);
if (profileDir) {
  console.log(`The backend node's CPU time by part (self time, profiles in ${profileDir}):`);
  console.table((await summarizeProfiles(profileDir)).slice(0, 25));
}
