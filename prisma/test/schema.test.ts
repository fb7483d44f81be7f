import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APPLICATION_STATUSES,
  DeviceKind,
  ErrorClass,
  EvidenceKind,
  ExecutionPreference,
  Lane,
  SwipeDirection,
  TrackerStage,
  UserRole,
} from '@jobswipe/protocol';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $Enums } from '../src/client.ts';
import { latestSnapshot, loadMigrations, readSchema } from '../src/migrations.ts';
import { applyMigrations } from '../src/schema-engine.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

describe('schema', () => {
  it('has a migration for every change to schema.prisma (run npm run db:diff -- <name>)', async () => {
    expect(await latestSnapshot()).toBe(await readSchema());
  });

  it('stores exactly the enums protocol/ defines', () => {
    expect(Object.values($Enums.ApplicationStatus)).toEqual([...APPLICATION_STATUSES]);
    expect(Object.values($Enums.Lane)).toEqual(Lane.options);
    expect(Object.values($Enums.ExecutionPreference)).toEqual(ExecutionPreference.options);
    expect(Object.values($Enums.DeviceKind)).toEqual(DeviceKind.options);
    expect(Object.values($Enums.ErrorClass)).toEqual(ErrorClass.options);
    expect(Object.values($Enums.EvidenceKind)).toEqual(EvidenceKind.options);
    expect(Object.values($Enums.SwipeDirection)).toEqual(SwipeDirection.options);
    expect(Object.values($Enums.UserRole)).toEqual(UserRole.options);
    expect(Object.values($Enums.TrackerStage)).toEqual(TrackerStage.options);
  });
});

describe('applying a migration', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    dir = await mkdtemp(join(tmpdir(), 'jobswipe-migrations-'));
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function write(migration: string, sql: string) {
    await mkdir(join(dir, migration), { recursive: true });
    await writeFile(join(dir, migration, 'migration.sql'), sql);
    await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  }

  it('runs the script whole: a function body keeps its semicolons, and a failing script leaves nothing', async () => {
    await write(
      '1_function',
      `-- a comment; with a semicolon
      create table t (n int);
      create function bump() returns int language plpgsql as $$ begin insert into t values (1); return 1; end $$;`,
    );
    expect(await applyMigrations(db.url, await loadMigrations(dir))).toEqual(['1_function']);
    await write('2_broken', 'create table u (n int);\nselect no_such_function();');
    await expect(applyMigrations(db.url, await loadMigrations(dir))).rejects.toThrow(
      /no_such_function|function .* does not exist/s,
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query('select bump() as n')).rows).toEqual([{ n: 1 }]);
      expect((await client.query("select to_regclass('u') as u")).rows).toEqual([{ u: null }]);
    } finally {
      await client.end();
    }
  });
});

describe('migrated database', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('holds the five plans with their limits', async () => {
    const { rows } = await client.query(
      'select id, server_per_month, total_per_month, daily_limit from plans order by sort_order',
    );
    expect(rows).toEqual([
      { id: 'free', server_per_month: 5, total_per_month: 10, daily_limit: 3 },
      { id: 'basic', server_per_month: 25, total_per_month: 100, daily_limit: 10 },
      { id: 'pro', server_per_month: 100, total_per_month: 500, daily_limit: 25 },
      { id: 'premium', server_per_month: 500, total_per_month: 2000, daily_limit: 100 },
      { id: 'enterprise', server_per_month: null, total_per_month: null, daily_limit: null },
    ]);
  });

  it('refuses a held application without a lease', async () => {
    const user = await client.query(
      "insert into users (email, password_hash) values ('a@example.com', 'x') returning id",
    );
    const job = await client.query(
      "insert into jobs (source, external_id, company, title, apply_url, ats_kind) values ('t', '1', 'C', 'T', 'http://x', 'generic') returning id",
    );
    await expect(
      client.query("insert into applications (user_id, job_id, status, lane) values ($1, $2, 'CLAIMED', 'server')", [
        user.rows[0].id,
        job.rows[0].id,
      ]),
    ).rejects.toThrow(/applications_held_has_lease/);
  });
});
