// The database functions generated from TypeScript: the migrations carry what the code generates
// today, a status they set comes only through the transition table, and the views built in SQL
// equal the ones built in TypeScript.
import { readdir, readFile } from 'node:fs/promises';
import { type Database, migrate, openDatabase } from '@jobswipe/db';
import { loadMigrations } from '@jobswipe/db/migrations';
import { applyMigrations } from '@jobswipe/db/schema-engine';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import { APPLICATION_STATUSES } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FUNCTIONS } from '../src/db/database-functions.ts';
import { blockEnd, blockStart, migrationBlock } from '../src/db/sql-function.ts';
import { toJobView } from '../src/jobs/job-view.ts';
import { createJobs } from './support/factories.ts';

const migrations = new URL('../../prisma/migrations/', import.meta.url);

/** The newest migration's copy of the function's block, or null when no migration has one. */
async function newestBlock(name: string): Promise<{ migration: string; block: string } | null> {
  const dirs = (await readdir(migrations, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .reverse();
  for (const dir of dirs) {
    const sql = await readFile(new URL(`${dir}/migration.sql`, migrations), 'utf8');
    const start = sql.indexOf(blockStart(name));
    if (start < 0) continue;
    const end = sql.indexOf(blockEnd(name), start);
    return { migration: dir, block: `${sql.slice(start, end + blockEnd(name).length)}\n` };
  }
  return null;
}

describe('generated database functions', () => {
  it.each(DATABASE_FUNCTIONS.map((fn) => [fn.name, fn] as const))(
    '%s: the newest migration holds what the code generates',
    async (name, fn) => {
      const found = await newestBlock(name);
      expect(found, `no migration creates ${name}`).not.toBeNull();
      expect(
        found?.block,
        `${found?.migration} holds an older ${name}: add a migration with the output of \`npx tsx backend/src/cli/print-sql-functions.ts ${name}\``,
      ).toBe(migrationBlock(fn));
    },
  );

  it('writes every status through statusSql, which checks it against the transition table', () => {
    for (const fn of DATABASE_FUNCTIONS) {
      for (const status of APPLICATION_STATUSES) {
        const quoted = fn.sql.split(`'${status}'`).slice(1);
        for (const after of quoted)
          expect(after.startsWith('::application_status'), `${fn.name}: '${status}'`).toBe(true);
      }
    }
  });
});

describe('views built in SQL', () => {
  let testDb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = openDatabase(testDb.url, { max: 2 });
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  it('job_view equals toJobView, with every field set and with the optional ones empty', async () => {
    const [full] = await createJobs(db.prisma, 1, {
      closedAt: new Date('2026-03-04T05:06:07.089Z'),
      keyPoints: ['a', 'b"c'],
    });
    const [bare] = await createJobs(db.prisma, 1, {
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
      keyPoints: [],
      description: '',
    });
    for (const job of [full!, bare!]) {
      const [row] = await db.prisma.$queryRaw<{ view: unknown }[]>`
        select job_view(j) as view from jobs j where j.id = ${job.id}::uuid`;
      expect(row?.view).toEqual(toJobView(job));
    }
  });
});

describe('the migration to the swipe transaction function', () => {
  it('turns idempotency keys stored as responses into outcomes that replay the same swipe', async () => {
    const testDb = await createTestDatabase({ migrated: false });
    const db = openDatabase(testDb.url, { max: 2 });
    try {
      const all = await loadMigrations();
      const before = all.migrationDirectories.filter((m) => m.path < '20261207113423');
      await applyMigrations(testDb.url, { ...all, migrationDirectories: before });
      // Rows as that schema had them (the client of today knows columns added since).
      const sql = (text: string, values: unknown[] = []) => db.pool.query(text, values).then((r) => r.rows[0]);
      const user = await sql(
        "insert into users (email, password_hash) values ('old-key@example.com', 'x') returning id",
      );
      const job = await sql(
        "insert into jobs (source, external_id, company, title, location, apply_url, ats_kind) values ('t', '1', 'Acme', 'Engineer', 'Remote', 'http://x', 'generic') returning *",
      );
      const swipe = await sql(
        "insert into swipes (user_id, job_id, direction) values ($1, $2, 'right') returning id, created_at",
        [user.id, job.id],
      );
      const app = await sql(
        "insert into applications (user_id, job_id, swipe_id, status, lane) values ($1, $2, $3, 'QUEUED', 'device') returning id",
        [user.id, job.id, swipe.id],
      );
      const jobSummary = { title: 'Engineer', company: 'Acme', location: 'Remote', atsKind: 'generic' };
      const response = {
        swipe: { id: swipe.id, jobId: job.id, direction: 'right', createdAt: swipe.created_at.toISOString() },
        application: { id: app.id, status: 'QUEUED', job: jobSummary },
        created: true,
      };
      await sql(
        "insert into idempotency_keys (user_id, key, request_hash, response_status, response_body) values ($1, 'old-key-1234', 'h', 201, $2)",
        [user.id, response],
      );

      await migrate(testDb.url);
      const [row] = await db.prisma.$queryRaw<{ outcome: Record<string, unknown> }[]>`
        select swipe_transaction(${user.id}::uuid, ${job.id}::uuid, 'right', 'old-key-1234', 'h', 5, 0, null, null, null, 600) as outcome`;
      expect(row?.outcome).toMatchObject({
        status: 201,
        created: true,
        swipe: { id: swipe.id, job_id: job.id, direction: 'right', created_at: swipe.created_at.toISOString() },
        application: { id: app.id, status: 'QUEUED', swipe_id: swipe.id },
        job: jobSummary,
      });
    } finally {
      await db.close();
      await testDb.drop();
    }
  });
});
