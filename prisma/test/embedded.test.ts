// The embedded PostgreSQL `npm start` runs when there is no DATABASE_URL: its superuser has a
// password generated for this data dir (kept 0600 under secrets/), the old fixed one no longer
// works, and it listens on loopback only.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ResolvedDatabase, resolveDatabase } from '../src/embedded.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dir: string;
let port: number;
let db: ResolvedDatabase;
const saved = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobswipe-embedded-'));
  port = await freePort();
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dir;
  process.env.EMBEDDED_PG_PORT = String(port);
  db = await resolveDatabase(() => {});
}, 120_000);
afterAll(async () => {
  await db?.stop();
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return String(Object.values((await client.query(sql)).rows[0] ?? {})[0]);
  } finally {
    await client.end();
  }
}

it('has a generated superuser password and listens on loopback only', async () => {
  const secret = join(dir, 'secrets', 'embedded-pg-password');
  expect((await stat(secret)).mode & 0o777).toBe(0o600);
  expect(new URL(db.url).password.length).toBeGreaterThanOrEqual(32);
  expect(await query(db.url, 'show listen_addresses')).toBe('127.0.0.1');
  await expect(query(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, 'select 1')).rejects.toThrow(
    /password authentication failed/,
  );
});
