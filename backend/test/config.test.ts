import { readFile } from 'node:fs/promises';
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
  });
});

describe('the README', () => {
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
