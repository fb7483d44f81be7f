// `npm run jobs:import -- --greenhouse <board> | --lever <site> | --ashby <board>
//   [--base-url <api root>] [--company <name>] [--no-scan]`
// Loads a board's postings into the jobs table (DATABASE_URL, else the embedded database), then
// reads the forms of those whose board publishes no questions (Lever, Ashby) from their pages.
import { parseArgs } from 'node:util';
import { type Database, migrate, openDatabase, resolveDatabase } from '@jobswipe/db';
import pino from 'pino';
import { ENV } from '../config.ts';
import { AddressCheck } from '../egress/address-check.ts';
import { EgressProxy } from '../egress/egress-proxy.ts';
import { scanPendingForms } from '../jobs/form-scan/form-scanner.ts';
import { type BoardKind, type BoardSource, fetchBoard } from '../jobs/import/board-source.ts';
import { saveJobs } from '../jobs/import/save-jobs.ts';
import { serverLaneProxies } from '../proxies/server-lane-proxies.ts';
import { HostRateLimiter } from '../rate-limits/host-rate-limit.ts';
import { connectRedis, waitForRedis } from '../redis/connection.ts';
import { RedisKeys } from '../redis/keys.ts';
import { WorkerBrowser } from '../worker/worker-browser.ts';

/** A mistake in the command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

const USAGE = `Usage: npm run jobs:import -- --greenhouse <board> | --lever <site> | --ashby <board> [options]

Options:
  --base-url <url>   API root (default: the public API; the practice ATS serves
                     http://127.0.0.1:4100/api/greenhouse, .../api/lever, .../api/ashby,
                     reachable with EGRESS_ALLOW=127.0.0.1:4100: internal addresses are refused)
  --company <name>   company name for Lever and Ashby boards (their APIs do not say it)
  --no-scan          do not read the forms of postings whose board publishes no questions
                     (the scan opens each form page in Chromium, posts nothing, and keeps to
                     HOST_RATE_LIMIT_PER_MINUTE per host, shared through REDIS_URL)`;

const KINDS: BoardKind[] = ['greenhouse', 'lever', 'ashby'];

function source(): BoardSource & { scan: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      options: {
        greenhouse: { type: 'string' },
        lever: { type: 'string' },
        ashby: { type: 'string' },
        'base-url': { type: 'string' },
        company: { type: 'string' },
        'no-scan': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const chosen = KINDS.filter((k) => values[k]);
  if (chosen.length !== 1) throw new UsageError(`Give exactly one of --greenhouse, --lever, --ashby.\n\n${USAGE}`);
  const kind = chosen[0]!;
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    kind,
    board: text(kind)!,
    ...(text('base-url') ? { baseUrl: text('base-url')! } : {}),
    ...(text('company') ? { company: text('company')! } : {}),
    scan: values['no-scan'] !== true,
  };
}

const log = (event: Record<string, unknown>) =>
  process.stderr.write(`${JSON.stringify({ level: 'info', ...event })}\n`);

async function main(): Promise<void> {
  const from = source();
  const check = new AddressCheck({ allow: ENV.EGRESS_ALLOW.schema.parse(process.env.EGRESS_ALLOW) });
  const jobs = await fetchBoard(from, check);
  log({ event: 'fetched', source: from.kind, board: from.board, postings: jobs.length });
  const database = await resolveDatabase((msg) => log({ event: 'database', msg }));
  const db = openDatabase(database.url);
  try {
    // The embedded database is ours to set up; a DATABASE_URL one is migrated by its deployment.
    if (database.embedded) await migrate(database.url);
    const tty = process.stderr.isTTY;
    const result = await saveJobs(db, jobs, (p) => {
      if (tty) process.stderr.write(`\rImporting ${p.done}/${p.total} (${p.created} new)`);
    });
    if (tty) process.stderr.write('\n');
    const { ids, ...counts } = result;
    log({ event: 'imported', source: from.kind, board: from.board, ...counts });
    const scanned = from.scan ? await scanForms(db, check, ids) : [];
    const forms = scanned.filter((r) => r.outcome === 'scanned').length;
    process.stdout.write(
      `${JSON.stringify({ source: from.kind, board: from.board, ...counts, ...(from.scan ? { scanned: forms, scanFailed: scanned.length - forms } : {}) })}\n`,
    );
  } finally {
    await db.close();
    await database.stop();
  }
}

/** Reads the forms of the imported jobs that have none yet (a board API gave none). */
async function scanForms(db: Database, check: AddressCheck, ids: string[]) {
  const logger = pino({ name: 'jobs-import', level: 'info' }, pino.destination(2));
  const redis = connectRedis(
    {
      REDIS_URL: ENV.REDIS_URL.schema.parse(process.env.REDIS_URL),
      REDIS_CLUSTER_NODES: ENV.REDIS_CLUSTER_NODES.schema.parse(process.env.REDIS_CLUSTER_NODES),
    },
    logger,
    'jobs-import',
  );
  // Without Redis the limit is kept by this process alone.
  await waitForRedis(redis, 2_000).catch(() => {});
  const keys = new RedisKeys(ENV.REDIS_PREFIX.schema.parse(process.env.REDIS_PREFIX));
  const slots = new HostRateLimiter(
    redis,
    keys,
    {
      perMinute: ENV.HOST_RATE_LIMIT_PER_MINUTE.schema.parse(process.env.HOST_RATE_LIMIT_PER_MINUTE),
      overrides: {},
    },
    logger,
  );
  const proxies = await serverLaneProxies(
    {
      PROXY_URLS: ENV.PROXY_URLS.schema.parse(process.env.PROXY_URLS),
      PROXY_FILE: ENV.PROXY_FILE.schema.parse(process.env.PROXY_FILE),
      PROXY_COOLDOWN_MS: ENV.PROXY_COOLDOWN_MS.schema.parse(process.env.PROXY_COOLDOWN_MS),
      PROXY_BLOCK_COOLDOWN_MS: ENV.PROXY_BLOCK_COOLDOWN_MS.schema.parse(process.env.PROXY_BLOCK_COOLDOWN_MS),
    },
    { redis, keys, log: logger },
  );
  const egress = await EgressProxy.start(check, logger);
  const browser = new WorkerBrowser(logger);
  try {
    return await scanPendingForms(
      { db, browser: () => browser.get(), check, egress, slots, proxies, log: logger },
      ids,
      new AbortController().signal,
    );
  } finally {
    await browser.close();
    await egress.close();
    redis.disconnect();
  }
}

function explain(err: unknown): string {
  if ((err as { code?: string }).code === '42P01') {
    return 'The database has no jobs table: run `npm run db:migrate` (with the same DATABASE_URL) first.';
  }
  return String((err as Error).message ?? err);
}

main().catch((err: unknown) => {
  const usage = err instanceof UsageError;
  process.stderr.write(`${usage ? (err as Error).message : explain(err)}\n`);
  process.exitCode = usage ? 2 : 1;
});
