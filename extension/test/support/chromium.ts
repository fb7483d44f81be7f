// Chromium with the built extension (.output/chrome-mv3), in a persistent profile a test can close
// and open again (the extension's storage survives, as in a user's browser), and the extension's
// service worker reachable for evaluation and for CDP's ServiceWorker.stopWorker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_ID } from '@jobswipe/protocol/extension-link';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { STEP_MS } from './within.ts';

export const EXTENSION_DIR = new URL('../../.output/chrome-mv3', import.meta.url).pathname;

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker now (a new one after Chrome stopped and restarted it). */
  worker(): Promise<Worker>;
  /** Stops the extension's service worker as Chrome does to an idle one. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** A profile directory that outlives one browser launch; removed by the returned cleanup. */
export async function profileDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'jsx-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }) };
}

export async function launchWithExtension(userDataDir: string): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: STEP_MS,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  // What a test does not bound itself fails after a step's time rather than Playwright's own default.
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(STEP_MS);
  const isOurs = (w: Worker) => new URL(w.url()).host === EXTENSION_ID;
  const worker = async () =>
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: STEP_MS }));
  return {
    context,
    worker,
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...e.versions));
      await cdp.send('ServiceWorker.enable');
      const deadline = Date.now() + 5_000;
      while (!versions.some((v) => v.scriptURL.includes(EXTENSION_ID)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const v of versions.filter((v) => v.scriptURL.includes(EXTENSION_ID) && v.runningStatus !== 'stopped')) {
        await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
      }
      await cdp.detach();
    },
    close: () => context.close(),
  };
}
