// Two backend nodes starting at once both migrate the database: the second waits for the first,
// however long its migration takes, instead of giving up after the engine's lock timeout (P1002).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/** Sessions of this database waiting for a lock (not `client` itself), with what they wait on. */
async function waiting(client: pg.Client): Promise<{ pid: number; locktype: string }[]> {
  const { rows } = await client.query<{ pid: number; locktype: string }>(
    `select l.pid, l.locktype from pg_locks l join pg_database d on d.oid = l.database
     where not l.granted and d.datname = current_database() and l.pid <> pg_backend_pid()`,
  );
  return rows;
}

describe('migrating from two nodes at once', () => {
  it('the second waits for the first, however long it takes, then finds nothing to do', async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      // The first migrator gets stuck behind a lock on the migrations table (a slow migration).
      await holder.query('begin');
      await holder.query('lock table _prisma_migrations in access exclusive mode');
      const first = migrate(db.url);
      await expect.poll(async () => (await waiting(holder)).length, { timeout: 20_000 }).toBe(1);
      const second = migrate(db.url);
      // The second waits its turn on the migration lock, not on the engine's own (which gives up).
      await expect
        .poll(async () => (await waiting(holder)).map((w) => w.locktype).sort(), { timeout: 20_000 })
        .toEqual(['advisory', 'relation']);
      await holder.query('rollback');
      expect(await first).toEqual([]);
      expect(await second).toEqual([]);
    } finally {
      await holder.end();
    }
  });
});
