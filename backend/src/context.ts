// The dependency bundle every module receives: built once per process by `createContext`, closed
// by `ctx.close()`.
import { randomUUID } from 'node:crypto';
import { type Database, openDatabase } from '@jobswipe/db';
import { SecretBox } from './accounts/secret-box.ts';
import { AccessTokens } from './auth/access-tokens.ts';
import { RefreshSessions } from './auth/refresh-sessions.ts';
import type { Config } from './config.ts';
import { EventBus } from './events/event-bus.ts';
import type { FileStore } from './files/file-store.ts';
import { openFileStore } from './files/open-file-store.ts';
import { RATE_LIMIT_COMMANDS, RateLimiter } from './http/rate-limit.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import type { RedisClient } from './redis/connection.ts';
import { connectRedis } from './redis/connection.ts';
import { RedisKeys } from './redis/keys.ts';
import { Subscriber } from './redis/subscriber.ts';

export interface AppContext {
  config: Config;
  db: Database;
  /** Possibly not ready: callers check `isRedisReady` and fall back to Postgres (degraded mode). */
  redis: RedisClient;
  log: Logger;
  tokens: AccessTokens;
  sessions: RefreshSessions;
  rateLimiter: RateLimiter;
  /** This process's id among the backend nodes (gateway routing, lease owners). */
  nodeId: string;
  keys: RedisKeys;
  /** This node's pub/sub connection (web events, work notifications). */
  subscriber: Subscriber;
  events: EventBus;
  /** Resumes and evidence: the S3 bucket, or the local folder of the embedded demo. */
  files: FileStore;
  /** Seals secrets kept at rest (site account passwords). */
  secrets: SecretBox;
  /** Set once the process is shutting down: /readyz answers 503 so load balancers send no more. */
  draining: boolean;
  /** This node's Prometheus registry: the HTTP layer, workers and the gateway all add to it. */
  metrics: Metrics;
  close(): Promise<void>;
}

export function createContext(config: Config, databaseUrl: string, options: { log?: Logger } = {}): AppContext {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const db = openDatabase(databaseUrl, {
    max: config.DATABASE_POOL_MAX,
    transactionWaitMs: config.DATABASE_TX_WAIT_MS,
    onError: (err) => log.warn({ err: err.message }, 'idle database connection lost'),
  });
  const redis = connectRedis(config, log, 'main', {
    autoPipelining: true,
    notAutoPipelined: RATE_LIMIT_COMMANDS,
  });
  const keys = new RedisKeys(config.REDIS_PREFIX);
  const subscriber = new Subscriber(config, log, 'subscriber');
  const files = openFileStore(config);
  return {
    config,
    db,
    redis,
    log,
    tokens: new AccessTokens(config.jwtSecret, config.ACCESS_TOKEN_TTL_S),
    sessions: new RefreshSessions(db, config.REFRESH_TOKEN_TTL_S),
    rateLimiter: new RateLimiter(redis, config.REDIS_PREFIX),
    metrics: createMetrics(db, redis, keys),
    draining: false,
    nodeId: randomUUID(),
    keys,
    subscriber,
    events: new EventBus(redis, keys, log),
    secrets: new SecretBox(config.accountsKey),
    files,
    async close() {
      files.close();
      subscriber.close();
      redis.disconnect();
      await db.close();
    },
  };
}
