// Packaging, checked as far as it can be without the Electron binary (whose download CI cannot
// do, so `npm run dist` never runs here): electron-builder's own loader and schema accept the
// configuration (and refuse a broken one), it claims jobswipe:// links, builds for the three
// platforms with an update feed, and what it packs (dist/ and the dependencies) is what the built
// app needs, with the bundled Chromium beside it. The notarization hook skips plainly without Apple
// credentials.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { BUNDLED_CHROMIUM_DIR } from '../src/agent/bundled-chromium.ts';
import { type BuiltDesktop, buildDesktopForTest } from './support/desktop-build.ts';

const DESKTOP = join(import.meta.dirname, '..');
let config: Configuration;
let built: BuiltDesktop;

beforeAll(async () => {
  [config, built] = await Promise.all([
    getConfig(DESKTOP, join(DESKTOP, 'electron-builder.yml'), null),
    buildDesktopForTest('packaging'),
  ]);
});
afterAll(() => built?.remove());

it("electron-builder's schema accepts the configuration, and refuses a broken one", async () => {
  await validateConfiguration(config, new DebugLogger(false));
  const broken: unknown = { ...config, linux: { ...config.linux, mimeTypes: 'x' } };
  await expect(validateConfiguration(broken as Configuration, new DebugLogger(false))).rejects.toThrow(/mimeTypes/);
});

it('claims jobswipe:// links, builds for Linux, macOS and Windows, and publishes to the update feed', () => {
  expect(config.protocols).toEqual([{ name: 'JobSwipe pairing link', schemes: ['jobswipe'] }]);
  expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  expect(config.linux?.mimeTypes).toEqual(['x-scheme-handler/jobswipe']);
  expect(config.mac?.target).toEqual(['dmg']);
  expect(config.mac?.hardenedRuntime).toBe(true);
  expect(config.win?.target).toEqual(['nsis']);
  // electron-builder's own macro, filled from the environment at build time.
  const feed = ['$', '{env.JOBSWIPE_UPDATE_URL}'].join('');
  expect(config.publish).toMatchObject({ provider: 'generic', url: feed });
  expect(pkg.scripts.dist).toBe(
    'npm run build && npm run fetch-chromium && electron-builder --config electron-builder.yml',
  );
});

it("packs the Chromium fetched at dist time into the app's resources, where the agent looks for it", () => {
  // scripts/fetch-chromium.ts writes vendor/chromium/ (a download CI cannot make: never run here).
  expect(pkg.scripts['fetch-chromium']).toBe('tsx scripts/fetch-chromium.ts');
  expect(config.extraResources).toEqual([{ from: 'vendor/chromium', to: BUNDLED_CHROMIUM_DIR, filter: ['**/*'] }]);
});

it('packs the built app: the files package.json names exist, and every package they import is a dependency', async () => {
  expect(config.files).toEqual([{ filter: ['dist/**/*', 'package.json'] }]);
  expect(pkg.main).toBe('dist/main.js');
  const imports = new Set<string>();
  for (const file of ['main.js', 'agent-host.js']) {
    const code = await readFile(join(built.dist, file), 'utf8');
    for (const [, name] of code.matchAll(/^import [^;]*? from "([^"]+)"/gm)) {
      if (name && !name.startsWith('node:')) imports.add(name);
    }
    for (const [, name] of code.matchAll(/import\("([^"]+)"\)/g)) if (name) imports.add(name);
  }
  // Stagehand is imported only when the backend relays a model (the model fallback).
  expect([...imports].sort()).toEqual([
    '@browserbasehq/stagehand',
    'electron',
    'electron-updater',
    'playwright-core',
    'ws',
    'zod',
  ]);
  const dependencies = Object.keys(pkg.dependencies);
  // Electron provides `electron` at run time; everything else must be packed.
  expect([...imports].filter((name) => name !== 'electron' && !dependencies.includes(name))).toEqual([]);
  for (const part of ['preload.cjs', 'renderer/index.html', 'icon.png']) {
    await expect(readFile(join(built.dist, part))).resolves.toBeTruthy();
  }
  // The workspaces are bundled, not packed: none is a run-time dependency.
  expect(dependencies.filter((name) => name.startsWith('@jobswipe/'))).toEqual([]);
});

it('the notarization hook skips, saying why, without Apple credentials', async () => {
  const hook = createRequire(import.meta.url)(join(DESKTOP, config.afterSign as string)) as {
    default: (context: unknown) => Promise<void>;
  };
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  for (const name of ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) vi.stubEnv(name, '');
  await hook.default({ electronPlatformName: 'darwin', appOutDir: '/nonexistent', packager: {} });
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/skipping notarization/));
  vi.unstubAllEnvs();
  warn.mockRestore();
});
