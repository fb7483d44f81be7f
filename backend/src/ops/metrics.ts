// Prometheus metrics of one backend process, in a Registry of its own (several nodes can share a
// process in tests). Counters are counted where things happen; gauges of shared state (the
// outbox, the streams, the applications) are read from Postgres and Redis on each scrape, so
// every process reports the same value and alerts take the max. The server worker adds its own
// (worker-metrics.ts) to `registry`. ops/prometheus/alerts.yml and the Grafana dashboard query
// these names; backend/test/ops/observability.test.ts checks that each one they use exists.
import type { Database } from '@jobswipe/db';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RedisClient } from '../redis/connection.ts';
import { isRedisReady } from '../redis/connection.ts';
import { DEVICE_BUCKETS, DEVICE_GROUP, type RedisKeys, SERVER_GROUP } from '../redis/keys.ts';
import { countApplications } from './application-counts.ts';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  filesPruned: Counter<'kind'>;
  /** Applications offered to executors (device offers, server-lane entries read). */
  offers: Counter<'lane'>;
  /** Claims by result: claimed, taken (another executor holds it), not_available, not_found. */
  claims: Counter<'lane' | 'result'>;
  heartbeats: Counter<'lane'>;
  reaperActions: Counter<'action'>;
  /** Attempts' outcomes as executors reported them, by ATS family and lane. */
  outcomes: Counter<'ats' | 'lane' | 'outcome'>;
  /** From the right-swipe to SUBMITTED. */
  swipeToSubmitted: Histogram<'lane'>;
  /** Where this node's open device sockets are counted from (its gateway). */
  countDeviceSockets(count: () => number): void;
}

/** Stream gauges are read for the server lane's streams; device streams (one per user) are
 * counted, not read one by one on a scrape (their backlog is jobswipe_applications). */
export function createMetrics(db: Database, redis: RedisClient | null, keys: RedisKeys): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const counter = <L extends string>(name: string, help: string, labels: readonly L[]) =>
    new Counter<L>({ name, help, labelNames: labels, registers: [registry] });
  let deviceSockets: () => number = () => 0;

  new Gauge({
    name: 'jobswipe_applications',
    help: 'Applications by status and lane (read from Postgres on each scrape)',
    labelNames: ['status', 'lane'] as const,
    registers: [registry],
    async collect() {
      const counts = await countApplications(db.prisma);
      this.reset();
      for (const { status, lane, count } of counts) this.set({ status, lane }, count);
    },
  });
  new Gauge({
    name: 'jobswipe_postgres_up',
    help: '1 when Postgres answers this process, 0 when it does not',
    registers: [registry],
    async collect() {
      this.set(await answers(db));
    },
  });
  new Gauge({
    name: 'jobswipe_redis_up',
    help: '1 when Redis answers, 0 while the node runs degraded on Postgres alone',
    registers: [registry],
    collect() {
      this.set(isRedisReady(redis) ? 1 : 0);
    },
  });
  const outbox = { lag: 0, unpublished: 0 };
  new Gauge({
    name: 'jobswipe_outbox_lag_seconds',
    help: 'Age of the oldest outbox row not yet published to Redis (0 when all are published)',
    registers: [registry],
    async collect() {
      const [row] = await db.prisma.$queryRaw<{ lag: number | null; unpublished: number }[]>`
        select extract(epoch from now() - min(created_at))::float8 as lag, count(*)::int as unpublished
        from outbox where published_at is null`;
      outbox.lag = row?.lag ?? 0;
      outbox.unpublished = row?.unpublished ?? 0;
      this.set(outbox.lag);
    },
  });
  new Gauge({
    name: 'jobswipe_outbox_unpublished',
    help: 'Outbox rows not yet published to Redis (read with jobswipe_outbox_lag_seconds)',
    registers: [registry],
    collect() {
      this.set(outbox.unpublished);
    },
  });
  const streams = new Map<string, { length: number; pending: number }>();
  new Gauge({
    name: 'jobswipe_stream_length',
    help: 'Entries in each server-lane stream (XLEN), by plan priority',
    labelNames: ['priority'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      streams.clear();
      if (!isRedisReady(redis) || !redis) return;
      const plans = await db.prisma.plan.findMany({ select: { priority: true } });
      for (const priority of new Set(plans.map((p) => String(p.priority)))) {
        const key = keys.serverStream(Number(priority));
        const [length, pending] = await Promise.all([redis.xlen(key), pendingOf(redis, key, SERVER_GROUP)]);
        streams.set(priority, { length, pending });
        this.set({ priority }, length);
      }
    },
  });
  new Gauge({
    name: 'jobswipe_stream_pending',
    help: 'Entries delivered to a consumer and not yet acknowledged (XPENDING), per server-lane stream and group',
    labelNames: ['priority', 'group'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [priority, { pending }] of streams) this.set({ priority, group: SERVER_GROUP }, pending);
    },
  });
  new Gauge({
    name: 'jobswipe_device_streams_pending',
    help: `Users whose device-lane stream (group "${DEVICE_GROUP}") has entries pending, from the reaper's pending indexes`,
    registers: [registry],
    async collect() {
      if (!isRedisReady(redis) || !redis) return this.set(0);
      const buckets = Array.from({ length: DEVICE_BUCKETS }, (_, bucket) => redis.scard(keys.pendingIndex(bucket)));
      this.set((await Promise.all(buckets)).reduce((a, b) => a + b, 0));
    },
  });
  new Gauge({
    name: 'jobswipe_device_sockets',
    help: "Devices' WebSockets open on this node",
    registers: [registry],
    collect() {
      this.set(deviceSockets());
    },
  });

  return {
    registry,
    httpRequests: counter('http_requests_total', 'HTTP requests answered, by route template and status', labelNames),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by route template and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    filesPruned: counter(
      'jobswipe_files_pruned_total',
      'Stored files deleted by the retention policy, by kind (evidence, resume)',
      ['kind'],
    ),
    offers: counter('jobswipe_offers_total', 'Applications offered to executors, by lane', ['lane']),
    claims: counter(
      'jobswipe_claims_total',
      'Claims by executors, by lane and result (claimed, taken, not_available, not_found)',
      ['lane', 'result'],
    ),
    heartbeats: counter('jobswipe_heartbeats_total', "Executors' heartbeats accepted, by lane", ['lane']),
    reaperActions: counter(
      'jobswipe_reaper_actions_total',
      'What the reaper and scheduler did: lease_lapsed (taken back), entry_redelivered, due_queued, entry_refilled (after Redis lost its data), entry_reconciled (a queued application found in no stream, published again)',
      ['action'],
    ),
    outcomes: counter(
      'jobswipe_application_outcomes_total',
      'Attempt outcomes executors reported (submitted, needs_attention, failed, expired, blocked), by ATS family and lane',
      ['ats', 'lane', 'outcome'],
    ),
    swipeToSubmitted: new Histogram({
      name: 'jobswipe_swipe_to_submitted_seconds',
      help: 'Time from the right-swipe to the submitted application, by the lane that submitted it',
      labelNames: ['lane'] as const,
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 3 * 3600, 12 * 3600, 24 * 3600, 3 * 24 * 3600],
      registers: [registry],
    }),
    countDeviceSockets(count) {
      deviceSockets = count;
    },
  };
}

async function answers(db: Database): Promise<number> {
  try {
    await db.pool.query('select 1');
    return 1;
  } catch {
    return 0;
  }
}

async function pendingOf(redis: RedisClient, stream: string, group: string): Promise<number> {
  try {
    // XPENDING's summary form: [count, smallest id, greatest id, per-consumer counts].
    const summary = (await redis.xpending(stream, group)) as [number | string, ...unknown[]];
    return Number(summary[0]);
  } catch {
    // No such stream or group yet: nothing pending.
    return 0;
  }
}
