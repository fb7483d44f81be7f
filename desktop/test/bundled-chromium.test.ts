// The Chromium packaged with the app (`npm run dist` fetches it into the app's resources): a build
// that has one finds it there, and the agent applies in it inside its sandbox as an ordinary user,
// like any browser it uses; a build without one says plainly that none is bundled. The bundled
// folder here is a stand-in for what scripts/fetch-chromium.mjs writes (nothing can be downloaded
// here): its manifest names an executable that is a link to the tests' sandboxed Chromium.
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AgentBrowser } from '../src/agent/agent-browser.ts';
import { BUNDLED_CHROMIUM_DIR, BUNDLED_CHROMIUM_MANIFEST, bundledChromium } from '../src/agent/bundled-chromium.ts';
import { browserChoiceOf } from '../src/agent-host/browser-choice.ts';
import { DEFAULT_SETTINGS } from '../src/shared/ipc.ts';
import {
  BROWSER_UID,
  browserProcesses,
  type UnprivilegedChromium,
  unprivilegedChromium,
} from './support/unprivileged-chromium.ts';

let chromium: UnprivilegedChromium;
let temp: string;
const bundledSettings = { ...DEFAULT_SETTINGS, browser: 'bundled' as const };

/** An app's resources folder whose bundled Chromium's manifest says `manifest`. */
async function resourcesWith(name: string, manifest: unknown): Promise<string> {
  const resources = join(temp, name);
  await mkdir(join(resources, BUNDLED_CHROMIUM_DIR, 'chrome-linux64'), { recursive: true });
  await writeFile(join(resources, BUNDLED_CHROMIUM_DIR, BUNDLED_CHROMIUM_MANIFEST), JSON.stringify(manifest));
  return resources;
}

beforeAll(async () => {
  chromium = await unprivilegedChromium();
  temp = await mkdtemp(join(tmpdir(), 'jsd-bundled-'));
});
afterAll(async () => {
  await chromium?.remove();
  await rm(temp, { recursive: true, force: true });
});

it('a build with a bundled Chromium finds it, and applies in it sandboxed, as an ordinary user', async () => {
  const resources = await resourcesWith('with', { executable: 'chrome-linux64/chrome' });
  const executable = join(resources, BUNDLED_CHROMIUM_DIR, 'chrome-linux64', 'chrome');
  await symlink(chromium.executable, executable);
  expect(bundledChromium(resources)).toBe(executable);
  const choice = browserChoiceOf(bundledSettings, bundledChromium(resources), {}, 'linux');
  expect(choice).toEqual({ browser: executable, headless: true });

  const agentDir = await mkdtemp(join(tmpdir(), 'jsd-bundled-agent-'));
  await chromium.prepareAgentDir(agentDir);
  const profile = join(agentDir, 'browser-profile');
  const browser = new AgentBrowser(choice, profile);
  try {
    const page = await (await browser.context()).newPage();
    await page.setContent('<h1>Apply</h1>');
    expect(await page.textContent('h1')).toBe('Apply');
    const processes = await browserProcesses(profile);
    expect(processes.length).toBeGreaterThan(0);
    for (const process of processes) {
      expect(process.uid).toBe(BROWSER_UID);
      expect(process.args).not.toContain('--no-sandbox');
    }
  } finally {
    await browser.close();
    await rm(agentDir, { recursive: true, force: true });
  }
});

it('a build without one finds none, and choosing it says plainly that none is bundled', async () => {
  expect(bundledChromium(undefined)).toBeNull();
  expect(bundledChromium(join(temp, 'no-such-resources'))).toBeNull();
  // A manifest naming a file that is missing, cannot run, or lies outside its folder: none either.
  expect(bundledChromium(await resourcesWith('missing', { executable: 'chrome-linux64/chrome' }))).toBeNull();
  const notExecutable = await resourcesWith('not-executable', { executable: 'chrome-linux64/chrome' });
  await writeFile(join(notExecutable, BUNDLED_CHROMIUM_DIR, 'chrome-linux64', 'chrome'), '');
  await chmod(join(notExecutable, BUNDLED_CHROMIUM_DIR, 'chrome-linux64', 'chrome'), 0o644);
  expect(bundledChromium(notExecutable)).toBeNull();
  expect(bundledChromium(await resourcesWith('outside', { executable: '/usr/bin/chromium' }))).toBeNull();
  expect(bundledChromium(await resourcesWith('escapes', { executable: '../../../../usr/bin/chromium' }))).toBeNull();

  expect(() => browserChoiceOf(bundledSettings, null, {}, 'linux')).toThrow(
    'This JobSwipe comes with no Chromium of its own. Choose Chrome, Edge or a Chromium of your own in Settings.',
  );
});
