// The Redis connection. Commands fail fast while Redis is down (no offline queue), so callers
// notice at once and fall back to Postgres; ioredis keeps reconnecting in the background. The
// shared command connection pipelines automatically: commands issued in the same tick (many
// requests' rate-limit counts, events, outbox publishes) go out in one write, not one each.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

export function connectRedis(
  url: string,
  log: Logger,
  name = 'main',
  options: { autoPipelining?: boolean; notAutoPipelined?: string[] } = {},
): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableAutoPipelining: options.autoPipelining ?? false,
    autoPipeliningIgnoredCommands: options.notAutoPipelined ?? [],
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 4), 3_000),
    connectionName: `jobswipe:${name}`,
  });
  let down = false;
  redis.on('ready', () => {
    if (down) log.info({ redis: name }, 'Redis is back');
    down = false;
  });
  redis.on('error', (err) => {
    if (!down) log.warn({ redis: name, err: err.message }, 'Redis unavailable: running degraded until it returns');
    down = true;
  });
  redis.connect().catch(() => {});
  return redis;
}

export function isRedisReady(redis: Redis | null): redis is Redis {
  return redis !== null && redis.status === 'ready';
}

/** Resolves once Redis answers or `timeoutMs` passed (then the caller starts degraded). */
export async function waitForRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
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
