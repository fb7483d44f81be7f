// `npm start`: the whole product on this machine. With no DATABASE_URL it runs an embedded
// PostgreSQL under .data/; with no reachable Redis it runs degraded (Postgres only). It applies
// migrations, starts the practice ATS the demo jobs point at, seeds the demo, and serves the API,
// with a server worker in-process (WORKER_CONCURRENCY > 0) so server-lane swipes really apply.

import { migrate, openDatabase, resolveDatabase } from '@jobswipe/db';
import { startPracticeAts } from '@jobswipe/practice-ats';
import { ensureWebBuild } from '@jobswipe/web/build/build-web';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startNode } from './node.ts';
import { seedDemo } from './seed/demo-seed.ts';
import { startServerWorker } from './worker/server-worker.ts';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const database = await resolveDatabase((msg) => log.info(msg));
const applied = await migrate(database.url);
if (applied.length) log.info({ migrations: applied }, 'database migrated');

const practice = await startPracticeAts({ port: config.PRACTICE_ATS_PORT }).catch((err: Error) => {
  log.warn(
    { err: err.message, port: config.PRACTICE_ATS_PORT },
    'practice ATS not started (port taken?): demo jobs need it',
  );
  return null;
});

let demo: Awaited<ReturnType<typeof seedDemo>> | null = null;
if (config.SEED_DEMO) {
  const seedDb = openDatabase(database.url, { max: 2 });
  try {
    demo = await seedDemo({ config, db: seedDb });
  } finally {
    await seedDb.close();
  }
}

await ensureWebBuild((msg) => log.info(msg));

const node = await startNode(config, database.url, { log });
const worker =
  config.WORKER_CONCURRENCY > 0
    ? await startServerWorker(node.ctx).catch((err: Error) => {
        log.warn({ err: err.message }, 'server worker not started: server-lane applications wait for `npm run worker`');
        return null;
      })
    : null;
log.info(
  { app: node.url, practiceAts: practice?.url ?? null, demoUser: demo?.email ?? null },
  `JobSwipe is running at ${node.url}${demo ? ` — sign in as ${demo.email} (password in ${demo.passwordFile})` : ''}`,
);
// The password goes to the person at the terminal, never into the logs (which are shipped and kept).
if (demo && process.stdout.isTTY) process.stdout.write(`\n  Sign in as ${demo.email} / ${demo.password}\n\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await worker?.stop(config.WORKER_GRACE_MS);
  await node.stop();
  await practice?.close();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
