// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/ with the SQL that takes
// the newest migration's datamodel to schema.prisma, and a copy of schema.prisma.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveDatabase } from '../embedded.ts';
import { latestSnapshot, migrationsDir, readSchema, SNAPSHOT_FILE, schemaPath } from '../migrations.ts';
import { diffDatamodels } from '../schema-engine.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:diff -- <name>   (snake_case, e.g. add_device_names)');
  process.exit(64);
}

const db = await resolveDatabase();
const sql = await diffDatamodels(db.url, await latestSnapshot(), await readSchema()).finally(() => db.stop());
if (!sql.trim()) {
  console.log('schema.prisma matches the newest migration: nothing to write.');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql);
  await copyFile(schemaPath, join(dir, SNAPSHOT_FILE));
  await writeFile(join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  console.log(`Wrote ${dir}/migration.sql: review it, then npm run db:migrate`);
}
