// `npm run jobs:import -- --greenhouse <board> | --lever <site> | --ashby <board>
//   [--base-url <api root>] [--company <name>]`
// Loads a board's postings into the jobs table (DATABASE_URL, else the embedded database).
import { parseArgs } from 'node:util';
import { migrate, openDatabase, resolveDatabase } from '@jobswipe/db';
import { ENV } from '../config.ts';
import { AddressCheck } from '../egress/address-check.ts';
import { type BoardKind, type BoardSource, fetchBoard } from '../jobs/import/board-source.ts';
import { saveJobs } from '../jobs/import/save-jobs.ts';

/** A mistake in the command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

const USAGE = `Usage: npm run jobs:import -- --greenhouse <board> | --lever <site> | --ashby <board> [options]

Options:
  --base-url <url>   API root (default: the public API; the practice ATS serves
                     http://127.0.0.1:4100/api/greenhouse, .../api/lever, .../api/ashby,
                     reachable with EGRESS_ALLOW=127.0.0.1:4100: internal addresses are refused)
  --company <name>   company name for Lever and Ashby boards (their APIs do not say it)`;

const KINDS: BoardKind[] = ['greenhouse', 'lever', 'ashby'];

function source(): BoardSource {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      options: {
        greenhouse: { type: 'string' },
        lever: { type: 'string' },
        ashby: { type: 'string' },
        'base-url': { type: 'string' },
        company: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const chosen = KINDS.filter((k) => values[k]);
  if (chosen.length !== 1) throw new UsageError(`Give exactly one of --greenhouse, --lever, --ashby.\n\n${USAGE}`);
  const kind = chosen[0]!;
  return {
    kind,
    board: values[kind]!,
    ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
    ...(values.company ? { company: values.company } : {}),
  };
}

const log = (event: Record<string, unknown>) =>
  process.stderr.write(`${JSON.stringify({ level: 'info', ...event })}\n`);

async function main(): Promise<void> {
  const from = source();
  const jobs = await fetchBoard(
    from,
    new AddressCheck({ allow: ENV.EGRESS_ALLOW.schema.parse(process.env.EGRESS_ALLOW) }),
  );
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
    log({ event: 'imported', source: from.kind, board: from.board, ...result });
    process.stdout.write(`${JSON.stringify({ source: from.kind, board: from.board, ...result })}\n`);
  } finally {
    await db.close();
    await database.stop();
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
