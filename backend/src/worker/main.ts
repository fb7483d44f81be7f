// `npm run worker`: one server-lane worker process. It shares the backend's database (DATABASE_URL,
// or the embedded one a running `npm start` serves), Redis and data directory (evidence files),
// and applies with its own Chromium through the configured proxies. SIGINT/SIGTERM: it stops
// taking work, lets running applications finish for WORKER_GRACE_MS, and hands the rest back.
// With WORKER_PORT it serves /healthz, /readyz and /metrics there.
import { resolveDatabase } from '@jobswipe/db';
import { loadConfig } from '../config.ts';
import { createContext } from '../context.ts';
import { createLogger } from '../logger.ts';
import { waitForRedis } from '../redis/connection.ts';
import { attempt, onShutdown, startupFailed } from '../startup.ts';
import { startServerWorker } from './server-worker.ts';
import { serveWorkerHealth } from './worker-health.ts';

const config = attempt(loadConfig);
const log = createLogger(config.LOG_LEVEL, 'worker');
const database = await resolveDatabase((msg) => log.info(msg)).catch(startupFailed);
const ctx = createContext(config, database.url, { log });
if (!(await waitForRedis(ctx.redis, 2_000))) {
  log.warn({ redis: config.REDIS_URL }, 'Redis is not reachable: claiming from Postgres until it returns');
}
const worker = await startServerWorker(ctx).catch(async (err: Error) => {
  log.fatal({ err: err.message }, 'the server worker could not start');
  await ctx.close();
  await database.stop();
  process.exit(1);
});
const health = config.WORKER_PORT === undefined ? null : await serveWorkerHealth(ctx, config.WORKER_PORT);
if (health) log.info({ port: health.port }, 'serving /healthz, /readyz and /metrics');

onShutdown(log, config.WORKER_GRACE_MS + 10_000, async () => {
  ctx.draining = true;
  log.info({ graceMs: config.WORKER_GRACE_MS }, 'stopping: finishing or handing back running applications');
  await worker.stop(config.WORKER_GRACE_MS);
  await health?.close();
  await ctx.close();
  await database.stop();
});
