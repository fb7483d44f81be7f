// `npm run -w @jobswipe/desktop fetch-chromium` (run by `dist`): fetches the Chromium that
// playwright-core drives (Chrome for Testing, the revision in playwright-core's browsers.json) for
// the platform this runs on into vendor/chromium/, with the manifest naming its executable relative
// to that folder. electron-builder copies the folder into the app's resources (extraResources in
// electron-builder.yml), where the agent finds it (src/agent/bundled-chromium.ts).
// It downloads from Playwright's CDN, so it needs internet access: it never runs in CI (README).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { BUNDLED_CHROMIUM_MANIFEST } from '../src/agent/bundled-chromium.ts';

const target = join(import.meta.dirname, '..', 'vendor', 'chromium');
const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
process.env.PLAYWRIGHT_BROWSERS_PATH = target;
// The full Chromium only: the agent runs it headful or in its new headless mode, never the shell.
execFileSync(process.execPath, [cli, 'install', '--no-shell', 'chromium'], { stdio: 'inherit' });
// Where playwright-core put the executable on this platform (it reads the folder when loaded).
const { chromium } = await import('playwright-core');
const manifest = { executable: relative(target, chromium.executablePath()), fetchedAt: new Date().toISOString() };
writeFileSync(join(target, BUNDLED_CHROMIUM_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`bundled Chromium: ${join(target, manifest.executable)}`);
