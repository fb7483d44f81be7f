// The delivery bench's results: a table on stdout and the same figures as JSON for tooling.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Distribution } from '@jobswipe/testkit/stats';
import type { BacklogDrain } from '../measures/backlog-drain.ts';
import type { IdleConnectionMemory } from '../measures/idle-connection-memory.ts';
import type { OfferLatency } from '../measures/offer-latency.ts';

/** The 1-minute load average when the run started and ended: other work on the machine skews every figure. */
export interface MachineLoad {
  atStart: number;
  atEnd: number;
}

/** What the figures were measured on, written beside them. */
export function machine(load: MachineLoad) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: process.platform,
    loadAverage: load,
  };
}

export const currentLoad = () => Math.round(loadavg()[0]! * 100) / 100;

export interface DeliveryResults {
  offerLatency: OfferLatency;
  bullmqBaseline: Distribution;
  pollingBaseline: Distribution;
  backlogDrain: BacklogDrain;
  idleConnections: IdleConnectionMemory;
}

const ratio = (ours: number, baseline: number) => Math.round((ours / baseline) * 1000) / 1000;
const ms = (n: number) => `${n} ms`;

export function ratios(results: DeliveryResults) {
  const ours = results.offerLatency.offer;
  return {
    vsBullmq: { p50: ratio(ours.p50, results.bullmqBaseline.p50), p99: ratio(ours.p99, results.bullmqBaseline.p99) },
    vsPolling: { p50: ratio(ours.p50, results.pollingBaseline.p50), p99: ratio(ours.p99, results.pollingBaseline.p99) },
  };
}

export function printTable(results: DeliveryResults, load: MachineLoad): void {
  const { offerLatency, bullmqBaseline, pollingBaseline, backlogDrain, idleConnections } = results;
  const r = ratios(results);
  const latency = (measure: string, d: Distribution, note: string) => ({
    measure,
    p50: ms(d.p50),
    p99: ms(d.p99),
    figure: `max ${ms(d.max)}`,
    note: `${d.samples} samples; ${note}`,
  });
  console.table([
    latency('swipe → offer at device (ours)', offerLatency.offer, 'HTTP response → offer frame over WebSocket'),
    latency('swipe → BullMQ worker (baseline)', bullmqBaseline, 'response → queue.add → worker receives'),
    latency('swipe → 10 s polling (baseline)', pollingBaseline, 'response → first poll of Postgres that sees it'),
    {
      measure: 'ours ÷ BullMQ',
      p50: `${r.vsBullmq.p50}×`,
      p99: `${r.vsBullmq.p99}×`,
      figure: '',
      note: '<1 is faster',
    },
    {
      measure: 'ours ÷ polling',
      p50: `${r.vsPolling.p50}×`,
      p99: `${r.vsPolling.p99}×`,
      figure: '',
      note: '<1 is faster',
    },
    latency('right-swipe API, one at a time', offerLatency.swipeApi, 'request → response, no other load'),
    {
      measure: 'reconnect backlog drain',
      p50: '',
      p99: '',
      figure: `${backlogDrain.seconds} s`,
      note: `${backlogDrain.applications} queued → claimed and reported, capacity ${backlogDrain.capacity}; ${backlogDrain.applicationsPerSecond} applications/s`,
    },
    {
      measure: 'memory per idle device connection',
      p50: '',
      p99: '',
      figure: `${idleConnections.rssPerConnectionKb} KB RSS`,
      note: `${idleConnections.connections} connected from a child process (open files ${idleConnections.clientOpenFilesLimit}), ${idleConnections.users} users; RSS ${idleConnections.rssBeforeMb} → ${idleConnections.rssAfterMb} MB; heap ${idleConnections.heapPerConnectionKb} KB each`,
    },
  ]);
  const busiest = Math.max(load.atStart, load.atEnd);
  if (busiest > cpus().length) {
    console.log(
      `Note: the machine was busy with other work (load average ${load.atStart} at start, ${load.atEnd} at end, ${cpus().length} cores): these figures are pessimistic.`,
    );
  }
}

export async function writeJson(results: DeliveryResults, load: MachineLoad, file: URL): Promise<void> {
  const path = fileURLToPath(file);
  await mkdir(dirname(path), { recursive: true });
  const body = { generatedAt: new Date().toISOString(), machine: machine(load), ...results, ratios: ratios(results) };
  await writeFile(path, `${JSON.stringify(body, null, 2)}\n`);
}
