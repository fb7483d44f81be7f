// Prometheus metrics of one backend node, in a Registry of its own (several nodes can share a
// process in tests). Other modules add their metrics to `registry`.
import type { Database } from '@jobswipe/db';
import type { Redis } from 'ioredis';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { isRedisReady } from '../redis/connection.ts';
import { countApplications } from './application-counts.ts';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  filesPruned: Counter<'kind'>;
}

export function createMetrics(db: Database, redis: Redis | null): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route template and status',
    labelNames,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route template and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
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
    name: 'jobswipe_redis_up',
    help: '1 when Redis answers, 0 while the node runs degraded on Postgres alone',
    registers: [registry],
    collect() {
      this.set(isRedisReady(redis) ? 1 : 0);
    },
  });
  const filesPruned = new Counter({
    name: 'jobswipe_files_pruned_total',
    help: 'Stored files deleted by the retention policy, by kind (evidence, resume)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  return { registry, httpRequests, httpDuration, filesPruned };
}
