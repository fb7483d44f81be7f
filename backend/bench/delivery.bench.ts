// `npm run bench -w @jobswipe/backend`: the delivery layer's figures on this machine, with the
// baselines run in the same run. Prints them and writes artifacts/bench/delivery.json; asserts
// nothing. One backend node in its own process, a fresh database, a random Redis key prefix;
// devices over real sockets, load from child processes. Its processes use about 1.5 minutes of
// CPU; on a 2-core machine shared with other work (load average 20) it took 7.5 minutes.

import { measureBacklogDrain } from './measures/backlog-drain.ts';
import { measureBullmqBaseline } from './measures/bullmq-baseline.ts';
import { measureIdleConnectionMemory } from './measures/idle-connection-memory.ts';
import { measureOfferLatency } from './measures/offer-latency.ts';
import { measurePollingBaseline } from './measures/polling-baseline.ts';
import { startBenchBackend } from './support/bench-backend.ts';
import { currentLoad, type DeliveryResults, printTable, writeJson } from './support/report.ts';

const IDLE_CONNECTIONS = 5_000;
const OUTPUT = new URL('../../artifacts/bench/delivery.json', import.meta.url);

const started = performance.now();
const loadAtStart = currentLoad();
const step = (what: string) =>
  process.stderr.write(`bench [${Math.round((performance.now() - started) / 1000)} s]: ${what}\n`);

const backend = await startBenchBackend({ openFiles: IDLE_CONNECTIONS + 2_000 });
let results: DeliveryResults;
try {
  // First, while the node's heap has seen nothing else, so the difference is the connections'.
  step(`memory per idle device connection (${IDLE_CONNECTIONS} connections)`);
  const idleConnections = await measureIdleConnectionMemory(backend, { connections: IDLE_CONNECTIONS, perUser: 2 });
  step('swipe → offer latency (300 swipes)');
  const offerLatency = await measureOfferLatency(backend, { swipes: 300, warmup: 20 });
  step('baseline: swipe → BullMQ worker (300 swipes)');
  const bullmqBaseline = await measureBullmqBaseline(backend, { swipes: 300, warmup: 20 });
  step('baseline: a device polling Postgres every 10 s (200 swipes over 20 s)');
  const pollingBaseline = await measurePollingBaseline(backend, { swipes: 200, spreadMs: 20_000, periodMs: 10_000 });
  step('reconnect backlog drain (1,000 applications)');
  const backlogDrain = await measureBacklogDrain(backend, { applications: 1_000, capacity: 10 });
  results = { offerLatency, bullmqBaseline, pollingBaseline, backlogDrain, idleConnections };
} finally {
  await backend.close();
}
const load = { atStart: loadAtStart, atEnd: currentLoad() };
printTable(results, load);
await writeJson(results, load, OUTPUT);
step(`figures written to ${OUTPUT.pathname}`);
