// prisma/migrations/: one folder per migration holding migration.sql and schema.prisma, the
// datamodel it leads to (so the next migration is a pure diff of two datamodels).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { applyMigrations } from './schema-engine.ts';

export const prismaDir = join(import.meta.dirname, '..');
export const migrationsDir = join(prismaDir, 'migrations');
export const schemaPath = join(prismaDir, 'schema.prisma');
export const SNAPSHOT_FILE = 'schema.prisma';

export function readSchema(): Promise<string> {
  return readFile(schemaPath, 'utf8');
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The datamodel the newest migration leads to; null when there is no migration yet. */
export async function latestSnapshot(dir = migrationsDir): Promise<string | null> {
  const last = (await migrationNames(dir)).at(-1);
  return last ? readFile(join(dir, last, SNAPSHOT_FILE), 'utf8') : null;
}

export async function loadMigrations(dir = migrationsDir): Promise<MigrationList> {
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: await readFile(join(dir, 'migration_lock.toml'), 'utf8').catch(() => null),
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      (await migrationNames(dir)).map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(join(dir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** Applies every migration the database has not recorded yet; returns the names applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  return applyMigrations(databaseUrl, await loadMigrations());
}
