// Where an application runs. Server mode: one headless browser (the caller's, or launched here),
// a fresh context per application with its own proxy. Desktop mode: a persistent profile in the
// user's installed Chrome when there is one, else a configured executable.
import { createServer } from 'node:net';
import { type Browser, type BrowserContext, chromium, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface ProxySettings {
  server: string;
  username?: string;
  password?: string;
  bypass?: string;
}

/** The Chromium to use when no Chrome channel is installed: CHROMIUM_PATH, else Debian's. */
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface LaunchedBrowser {
  browser: Browser;
  /** The DevTools endpoint, when launched with one (the AI fallback attaches to it). */
  cdpUrl: string | null;
}

/** A headless (or not) Chromium for server mode; `withCdp` opens a DevTools port for Stagehand. */
export async function launchBrowser(options: { headless?: boolean; withCdp?: boolean } = {}): Promise<LaunchedBrowser> {
  const port = options.withCdp ? await freePort() : null;
  const launch: LaunchOptions = {
    headless: options.headless ?? true,
    executablePath: chromiumExecutable(),
    args: port
      ? [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']
      : CHROMIUM_ARGS,
  };
  const browser = await chromium.launch(launch);
  return { browser, cdpUrl: port ? await devtoolsUrl(port) : null };
}

async function devtoolsUrl(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/json/version`);
  const body = (await response.json()) as { webSocketDebuggerUrl: string };
  return body.webSocketDebuggerUrl;
}

/** A persistent profile for desktop mode: the installed Chrome if present, else `executablePath`. */
export async function launchDesktopContext(options: {
  userDataDir: string;
  headless: boolean;
  executablePath?: string;
}): Promise<BrowserContext> {
  const common = { headless: options.headless, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } };
  if (!options.executablePath) {
    try {
      return await chromium.launchPersistentContext(options.userDataDir, { ...common, channel: 'chrome' });
    } catch {
      // No Chrome installed: fall through to the configured Chromium.
    }
  }
  return chromium.launchPersistentContext(options.userDataDir, {
    ...common,
    executablePath: options.executablePath ?? chromiumExecutable(),
  });
}

/** A fresh context for one application on a shared browser, with its own proxy. */
export function newApplicationContext(browser: Browser, proxy?: ProxySettings): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    ...(proxy ? { proxy } : {}),
  });
}
export { devtoolsUrl, freePort };
