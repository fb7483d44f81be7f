// Right-swipe load with autocannon, in its own process so the load generator does not share the
// backend's event loop. Every request is a new swipe: the next (user, job) pair, a fresh
// idempotency key. A short warm-up run comes first and is not reported.
import { randomUUID } from 'node:crypto';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { serveParent } from '../support/child-script.ts';

export interface SwipeLoadRun {
  type: 'run';
  url: string;
  /** Access tokens of the users swiping. */
  tokens: string[];
  jobIds: string[];
  connections: number;
  warmupS: number;
  durationS: number;
}

export interface SwipeLoadResult {
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

serveParent<SwipeLoadRun | { type: 'stop' }>({ ready: true }, async (request) => {
  if (request.type === 'stop') return {};
  const { url, tokens, jobIds, connections } = request;
  let next = 0;
  const swipe: AutocannonRequest = {
    method: 'POST',
    path: '/v1/swipes',
    setupRequest: (req) => {
      // Users take turns, so each user's swipes on one job come |tokens| requests apart.
      const i = next++;
      const token = tokens[i % tokens.length]!;
      const jobId = jobIds[Math.floor(i / tokens.length) % jobIds.length]!;
      return {
        ...req,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ jobId, direction: 'right', idempotencyKey: randomUUID() }),
      };
    },
  };
  await autocannon({ url, connections, duration: request.warmupS, requests: [swipe] });
  const r = await autocannon({ url, connections, duration: request.durationS, requests: [swipe] });
  if (next > tokens.length * jobIds.length) {
    throw new Error(
      `swipe load ran out of (user, job) pairs: ${next} requests, ${tokens.length * jobIds.length} pairs`,
    );
  }
  return {
    durationS: r.duration,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
    errors: r.errors,
    timeouts: r.timeouts,
  } satisfies SwipeLoadResult;
});
