// The Redis connection: one Redis (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES), made by
// this one factory for every user of Redis. Commands fail fast while Redis is down (no offline
// queue), so callers notice at once and fall back to Postgres; ioredis keeps reconnecting in the
// background. A command that has no answer within COMMAND_TIMEOUT_MS fails too: in a Redis Cluster
// a node connection queues commands while it (re)connects, and a shard that comes back slowly
// would otherwise hold a caller (a device's offers, a relay pass) with no error and no fallback.
// The shared command connection pipelines automatically: commands issued in the same
// tick (many requests' rate-limit counts, events, outbox publishes) go out in one write, not one
// each (per cluster node, in a cluster).
import { Cluster, Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * How long a command may go unanswered before it fails. Above the publish's wait for a replica
 * (1 s, delivery/work-streams.ts); blocking reads, which wait on purpose, are not bounded.
 */
export const COMMAND_TIMEOUT_MS = 5_000;

/** A connection to one Redis or to a Redis Cluster: the same commands, keys kept within one slot. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: a Redis Cluster's seed nodes when given, else the one Redis at `REDIS_URL`. */
export type RedisTarget = Pick<Config, 'REDIS_URL'> & Partial<Pick<Config, 'REDIS_CLUSTER_NODES'>>;

export function connectRedis(
  target: RedisTarget,
  log: Logger,
  name = 'main',
  options: { autoPipelining?: boolean; notAutoPipelined?: string[]; blockingReads?: boolean } = {},
): RedisClient {
  const nodes = target.REDIS_CLUSTER_NODES;
  const cluster = nodes !== undefined && nodes.length > 0;
  const common = {
    lazyConnect: true,
    // ioredis's auto-pipelines batch per node, so after a failover moves a slot every command of
    // that batch fails with MOVED instead of being redirected (redis/ioredis#2075): one Redis only.
    enableAutoPipelining: !cluster && (options.autoPipelining ?? false),
    autoPipeliningIgnoredCommands: options.notAutoPipelined ?? [],
    enableOfflineQueue: false,
  };
  const perNode = {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    connectionName: `jobswipe:${name}`,
    ...(options.blockingReads ? {} : { commandTimeout: COMMAND_TIMEOUT_MS }),
  };
  const backoff = (times: number) => Math.min(200 * 2 ** Math.min(times, 4), 3_000);
  const redis: RedisClient = cluster
    ? new Cluster([...nodes], {
        ...common,
        redisOptions: perNode,
        clusterRetryStrategy: backoff,
        // While a replica takes over a failed master the cluster answers CLUSTERDOWN or points at
        // the dead node: a command waits this long and is tried again (maxRedirections times).
        retryDelayOnClusterDown: 200,
        retryDelayOnFailover: 200,
        retryDelayOnTryAgain: 200,
        maxRedirections: 16,
      })
    : new Redis(target.REDIS_URL, { ...common, ...perNode, retryStrategy: backoff });
  let down = false;
  redis.on('ready', () => {
    if (down) log.info({ redis: name }, 'Redis is back');
    down = false;
  });
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ redis: name, err: err.message }, 'Redis unavailable: running degraded until it returns');
    down = true;
  });
  redis.connect().catch(() => {});
  return redis;
}

/**
 * Connections whose last probe failed although connected: a Cluster that lost a shard answers
 * CLUSTERDOWN, a stalled server nothing, and the connection still says `ready`.
 */
const failing = new WeakSet<RedisClient>();

/** Records a probe of every delivery slot (redis/data-loss.ts): failed, the node runs degraded until one succeeds. */
export function recordRedisProbe(redis: RedisClient, ok: boolean): void {
  if (ok) failing.delete(redis);
  else failing.add(redis);
}

/** Connected, and its last probe answered: callers use Redis, else fall back to Postgres. */
export function isRedisReady(redis: RedisClient | null): redis is RedisClient {
  return redis !== null && redis.status === 'ready' && !failing.has(redis);
}

/** Resolves once Redis answers or `timeoutMs` passed (then the caller starts degraded). */
export async function waitForRedis(redis: RedisClient, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on('ready', onReady);
  });
}
