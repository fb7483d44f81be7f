// `npm start`: the whole product on this machine. With no DATABASE_URL it runs an embedded
// PostgreSQL under .data/; with no reachable Redis it runs degraded (Postgres only). It applies
// migrations, starts the practice ATS the demo jobs point at, seeds the demo, and serves the API,
// with a server worker in-process (WORKER_CONCURRENCY > 0) so server-lane swipes really apply.
// NODE_ENV=production: none of the demo; every secret and service must be given (config.ts).

import { migrate, resolveDatabase } from '@jobswipe/db';
import { ensureWebBuild } from '@jobswipe/web/build/build-web';
import { type Config, loadConfig } from './config.ts';
import type { Demo } from './demo.ts';
import { createLogger } from './logger.ts';
import { startNode } from './node.ts';
import { attempt, onShutdown, startupFailed } from './startup.ts';
import { requireWebBuild } from './web/serve-web.ts';
import { startServerWorker } from './worker/server-worker.ts';

const config: Config = attempt(loadConfig);
const log = createLogger(config.LOG_LEVEL);
const database = await resolveDatabase((msg) => log.info(msg)).catch(startupFailed);
const applied = await migrate(database.url);
if (applied.length) log.info({ migrations: applied }, 'database migrated');

let demo: Demo | null = null;
if (config.production) {
  attempt(requireWebBuild);
} else {
  const { startDemo } = await import('./demo.ts');
  demo = await startDemo(config, database.url, log);
  await ensureWebBuild((msg) => log.info(msg));
}

const node = await startNode(config, database.url, { log });
const worker =
  config.WORKER_CONCURRENCY > 0
    ? await startServerWorker(node.ctx).catch((err: Error) => {
        log.warn({ err: err.message }, 'server worker not started: server-lane applications wait for `npm run worker`');
        return null;
      })
    : null;
const user = demo?.user;
log.info(
  { app: node.url, ...(demo ? { practiceAts: demo.practiceAtsUrl, demoUser: user?.email ?? null } : {}) },
  `JobSwipe is running at ${node.url}${user ? ` — sign in as ${user.email} (password in ${user.passwordFile})` : ''}`,
);
// The password goes to the person at the terminal, never into the logs (which are shipped and kept).
if (user && process.stdout.isTTY) process.stdout.write(`\n  Sign in as ${user.email} / ${user.password}\n\n`);

// Requests in flight and the in-process worker's running applications finish side by side; then
// the node's duties and connections close. Ten seconds on top for closing.
onShutdown(log, Math.max(config.SHUTDOWN_GRACE_MS, config.WORKER_GRACE_MS) + 10_000, async () => {
  await Promise.all([node.drain(config.SHUTDOWN_GRACE_MS), worker?.stop(config.WORKER_GRACE_MS)]);
  await node.stop();
  await demo?.close();
  await database.stop();
});
