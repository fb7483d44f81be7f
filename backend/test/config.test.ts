import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ENV, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('documents every environment variable in the README table', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(ENV)) expect(readme, name).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
  });

  it('stops start-up with the variable name and the problem when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: '/tmp/x' })).toThrow(/PORT: .*number/i);
    expect(() => loadConfig({ JWT_SECRET: 'short', DATA_DIR: '/tmp/x' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8,intranet', DATA_DIR: '/tmp/x' })).toThrow(
      /TRUST_PROXY: "intranet" is not an address/,
    );
  });

  it('reads TRUST_PROXY as Express takes it', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value, DATA_DIR: '/tmp/x' }).TRUST_PROXY;
    expect(trust('false')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, loopback,::1')).toEqual(['10.0.0.0/8', 'loopback', '::1']);
  });

  it('reads a Redis Cluster as its seed nodes, naming an entry that is not host:port', () => {
    const nodes = (value: string) => loadConfig({ REDIS_CLUSTER_NODES: value, DATA_DIR: '/tmp/x' }).REDIS_CLUSTER_NODES;
    expect(nodes('')).toEqual([]);
    expect(nodes('10.0.0.5:7000, redis-b:7001,[::1]:7002')).toEqual([
      { host: '10.0.0.5', port: 7000 },
      { host: 'redis-b', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(() => nodes('10.0.0.5:7000,redis-b')).toThrow(/REDIS_CLUSTER_NODES: "redis-b" is not host:port/);
    // In production the cluster's nodes stand for REDIS_URL.
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://db/jobswipe',
      REDIS_CLUSTER_NODES: 'redis-a:6379',
      JWT_SECRET: 'j'.repeat(32),
      ACCOUNTS_KEY: 'a'.repeat(32),
      DATA_DIR: '/nonexistent/never-written',
    };
    expect(loadConfig(production).REDIS_CLUSTER_NODES).toEqual([{ host: 'redis-a', port: 6379 }]);
  });

  it('refuses production without each secret and service given, naming every one missing', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), SEED_DEMO: 'true' });
    expect(attempt).toThrow(/NODE_ENV=production refuses to start/);
    const message = (() => {
      try {
        attempt();
      } catch (err) {
        return (err as Error).message;
      }
    })();
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'ACCOUNTS_KEY', 'SEED_DEMO'])
      expect(message).toContain(`  ${name}:`);
    expect(message).not.toContain('JWT_SECRET');

    const given = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://db/jobswipe',
      REDIS_URL: 'redis://redis:6379',
      JWT_SECRET: 'j'.repeat(32),
      ACCOUNTS_KEY: 'a'.repeat(32),
      DATA_DIR: '/nonexistent/never-written',
    };
    const config = loadConfig(given);
    expect(config).toMatchObject({ production: true, jwtSecret: given.JWT_SECRET, accountsKey: given.ACCOUNTS_KEY });
  });
});

describe('the README', () => {
  it('documents every environment variable any workspace reads', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const root = new URL('../../', import.meta.url);
    const read = new Set<string>();
    for (const dir of [
      'backend/src',
      'automations/src',
      'practice-ats/src',
      'desktop/src',
      'prisma/src',
      'web/src',
      'web/vite.config.ts',
    ]) {
      const entries = dir.endsWith('.ts')
        ? [dir]
        : (await readdir(new URL(dir, root), { recursive: true })).map((f) => `${dir}/${f}`);
      for (const file of entries.filter((f) => /\.tsx?$/.test(f))) {
        const text = await readFile(new URL(file, root), 'utf8');
        for (const m of text.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) read.add(m[1] as string);
      }
    }
    // The platform's own variables, not JobSwipe settings: the display (headful or not), Windows'
    // install folders (finding Chrome), and the bundler's mode flags.
    for (const platform of ['NODE_ENV', 'PROD', 'DISPLAY', 'WAYLAND_DISPLAY', 'LOCALAPPDATA', 'PROGRAMFILES'])
      read.delete(platform);
    expect(read.size).toBeGreaterThan(10);
    for (const name of read) expect(readme, name).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
  });

  it('names only npm commands the root package.json has', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const { scripts } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const named = [...readme.matchAll(/`npm run (?!-)([\w:-]+)/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(5);
    for (const script of named) expect(Object.keys(scripts), `npm run ${script}`).toContain(script);
    for (const command of ['start', 'test']) expect(scripts[command], command).toBeDefined();
  });
});
