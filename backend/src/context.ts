// The dependency bundle every module receives: built once per process by `createContext`, closed
// by `ctx.close()`.
import { type Database, openDatabase } from '@jobswipe/db';
import type { Redis } from 'ioredis';
import { AccessTokens } from './auth/access-tokens.ts';
import { RefreshSessions } from './auth/refresh-sessions.ts';
import type { Config } from './config.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { connectRedis } from './redis/connection.ts';

export interface AppContext {
  config: Config;
  db: Database;
  /** Null only when a caller chose to run without Redis; otherwise possibly not ready (degraded). */
  redis: Redis | null;
  log: Logger;
  tokens: AccessTokens;
  sessions: RefreshSessions;
  rateLimiter: RateLimiter;
  /** This node's Prometheus registry: the HTTP layer, workers and the gateway all add to it. */
  metrics: Metrics;
  close(): Promise<void>;
}

export function createContext(config: Config, databaseUrl: string, options: { log?: Logger } = {}): AppContext {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const db = openDatabase(databaseUrl, {
    onError: (err) => log.warn({ err: err.message }, 'idle database connection lost'),
  });
  const redis = connectRedis(config.REDIS_URL, log);
  return {
    config,
    db,
    redis,
    log,
    tokens: new AccessTokens(config.jwtSecret, config.ACCESS_TOKEN_TTL_S),
    sessions: new RefreshSessions(db, config.REFRESH_TOKEN_TTL_S),
    rateLimiter: new RateLimiter(redis, config.REDIS_PREFIX),
    metrics: createMetrics(db, redis),
    async close() {
      redis.disconnect();
      await db.close();
    },
  };
}
