// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter: migrations
// work offline, with no native engine binary to download.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, DriverAdapterError } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

const require = createRequire(import.meta.url);
const noFilters = { externalTables: [], externalEnums: [] };
let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package does not export the .wasm path; it sits next to its JS entry point.
    const entry = require.resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(join(dirname(entry), 'schema_engine_bg.wasm'));
    const { instance } = await webAssembly().instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    // What the package's ESM entry does after linking: sets up the table of JS object references.
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/** Node's WebAssembly global, typed here because @types/node 20 does not declare it. */
function webAssembly(): {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
} {
  return (globalThis as unknown as { WebAssembly: ReturnType<typeof webAssembly> }).WebAssembly;
}

/**
 * The pg adapter runs a migration script by splitting it at every ";", which cuts any statement
 * with a semicolon inside (a database function's body) to pieces. Postgres takes the whole script
 * as one simple query, the way Prisma's native engine sends it, and runs it as one transaction.
 */
class WholeScriptPg extends PrismaPg {
  /** Every connection pool the engine opened: freeing the engine leaves them open (and the
   * engine's own advisory lock held on one of them), so they are closed after each run. */
  readonly opened: Array<{ dispose(): Promise<void> }> = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const driver = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      try {
        await driver.query(script);
      } catch (err) {
        if (!(err instanceof pg.DatabaseError)) throw err;
        throw new DriverAdapterError({
          kind: 'postgres',
          code: err.code ?? 'unknown',
          severity: err.severity ?? 'ERROR',
          message: err.message,
          detail: err.detail,
          column: err.column,
          hint: err.hint,
        });
      }
    };
    return adapter;
  }
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const pools = new WholeScriptPg(poolConfig(databaseUrl), { schema: schemaOf(databaseUrl) });
  const factory = bindMigrationAwareSqlAdapterFactory(pools);
  const engine = await bg.SchemaEngine.new(
    { datamodels: undefined },
    // The engine expects its log callback to return nothing.
    () => {},
    factory,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(pools.opened.map((adapter) => adapter.dispose()));
  }
}

/**
 * Applies the migrations not yet recorded in `_prisma_migrations`; returns their names. Migrators
 * (backend nodes starting together) take turns on a lock of our own that waits as long as it
 * takes: the engine's own lock gives up after 10 s (P1002), which stopped a node whose neighbour's
 * migration was slow.
 */
export async function applyMigrations(databaseUrl: string, migrationsList: MigrationList): Promise<string[]> {
  const turn = new pg.Client(poolConfig(databaseUrl));
  await turn.connect();
  try {
    await turn.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    return await withEngine(databaseUrl, async (engine) => {
      const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return out.appliedMigrationNames;
    });
  } finally {
    // Ending the session releases the lock.
    await turn.end();
  }
}

const MIGRATION_LOCK = 'jobswipe:migrate';

/**
 * The SQL that takes a database built from the `from` datamodel (null: an empty database) to the
 * `to` datamodel. Compares the two models; the engine only connects to check the server.
 * (Diffing against replayed migrations would need the engine to describe a database, which the pg
 * adapter cannot do: it fails on the catalogs' "char" columns.)
 */
export function diffDatamodels(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from:
        from === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: false,
      filters: noFilters,
    });
    const sql = result.stdout ?? '';
    return /^-- This is an empty migration/.test(sql.trim()) ? '' : sql;
  });
}

/** The Postgres schema named by the URL's `schema` parameter, as Prisma reads it; else public. */
export function schemaOf(databaseUrl: string): string {
  return new URL(databaseUrl).searchParams.get('schema') ?? 'public';
}

/** The URL split into pg pool fields (a `schema` query parameter is not a pg option). */
function poolConfig(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname) || undefined,
    port: url.port ? Number(url.port) : undefined,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
  };
}
