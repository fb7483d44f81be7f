// A fresh, migrated database per test file, cloned from a template in ~100 ms. The template is
// built once per set of migrations (its name carries their hash) under an advisory lock, so
// parallel test workers and concurrent runs share it safely.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadMigrations, migrate } from './migrations.ts';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'jobswipe_t_';
const STALE_AFTER_S = 3 * 3600;

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function templateName(): Promise<string> {
  const list = await loadMigrations();
  const hash = createHash('sha256');
  for (const m of list.migrationDirectories) {
    hash.update(m.path);
    if (m.migrationFile.content.tag === 'ok') hash.update(m.migrationFile.content.value);
  }
  return `jobswipe_tpl_${hash.digest('hex').slice(0, 16)}`;
}

let template: Promise<string> | undefined;

function ensureTemplate(): Promise<string> {
  template ??= (async () => {
    const name = await templateName();
    await withAdmin(async (admin) => {
      await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
      try {
        const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
        if (found.rowCount === 0) {
          // Built under another name and renamed when complete: a run killed mid-migration leaves
          // no half-built template behind for the next run to clone.
          const building = `${name}_building`;
          await admin.query(`drop database if exists "${building}" with (force)`);
          await admin.query(`create database "${building}"`);
          try {
            await migrate(urlFor(building));
            // Renaming and cloning need no open connections, the engine's included.
            await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [building]);
            await admin.query(`alter database "${building}" rename to "${name}"`);
          } catch (err) {
            await admin.query(`drop database if exists "${building}" with (force)`);
            throw err;
          }
        }
        await dropStale(admin);
      } finally {
        await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
      }
    });
    return name;
  })();
  return template;
}

/** Test databases left behind by killed runs (their names carry their creation time). */
async function dropStale(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [
    `${PREFIX}%`,
  ]);
  const now = Date.now() / 1000;
  for (const { datname } of rows) {
    const created = Number(datname.slice(PREFIX.length).split('_')[0]);
    if (now - created > STALE_AFTER_S) await admin.query(`drop database if exists "${datname}" with (force)`);
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A migrated database, or with `{ migrated: false }` an empty one (for code that migrates it). */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const from = options.migrated === false ? '' : ` template "${await ensureTemplate()}"`;
  const name = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database "${name}"${from}`));
  return {
    url: urlFor(name),
    name,
    drop: () => withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`)).then(() => {}),
  };
}
