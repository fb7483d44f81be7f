// The agent's browser: one persistent profile (cookies and sign-ins kept between applications),
// opened on the first application and kept open, with a new page per application. The user's
// installed Chrome when there is one, else the configured executable (--chrome / JOBSWIPE_CHROME,
// falling back to the engine's Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium).
// Headless by default only when there is no display. Always in Chromium's sandbox: an employer's
// page must not reach the user's files; Chromium refuses its sandbox as root, so the agent says
// to run as the user instead of turning it off (only the server worker, in its container, may).
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CHROMIUM_ARGS, chromiumExecutable } from '@jobswipe/automations/runner/browser';
import { type BrowserContext, chromium } from 'playwright-core';

const LAUNCH_ATTEMPTS = 3;
/** The engine's arguments without the one that turns the sandbox off. */
const SANDBOXED_ARGS = CHROMIUM_ARGS.filter((arg) => arg !== '--no-sandbox');
const LAUNCH_RETRY_MS = 1_000;

/** Where Chrome (stable) installs itself, as Playwright's `channel: 'chrome'` looks for it. */
export function installedChrome(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  const candidates: string[] = [];
  if (platform === 'linux') candidates.push('/opt/google/chrome/chrome');
  if (platform === 'darwin') candidates.push('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  if (platform === 'win32') {
    for (const root of [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']]) {
      if (root) candidates.push(join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    }
  }
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Where Edge (stable) installs itself, as Playwright's `channel: 'msedge'` looks for it. */
export function installedEdge(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  const candidates: string[] = [];
  if (platform === 'linux') candidates.push('/opt/microsoft/msedge/msedge');
  if (platform === 'darwin') candidates.push('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  if (platform === 'win32') {
    for (const root of [env['PROGRAMFILES(X86)'], env.PROGRAMFILES]) {
      if (root) candidates.push(join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    }
  }
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Whether a window can be shown: always on macOS and Windows; on Linux, when X or Wayland is there. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface BrowserChoice {
  /** `chrome` / `msedge`: the installed browser through Playwright's channel; else the executable's path. */
  browser: 'chrome' | 'msedge' | string;
  headless: boolean;
}

export function chooseBrowser(options: {
  chrome?: string | undefined;
  headful?: boolean | undefined;
  headless?: boolean | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Where Chrome is installed, if it is (found on disk when not given). */
  chromeAt?: string | null;
}): BrowserChoice {
  const env = options.env ?? process.env;
  const display = hasDisplay(env, options.platform);
  const chromeAt = options.chromeAt === undefined ? installedChrome(env, options.platform) : options.chromeAt;
  if (options.headful && options.headless) throw new Error('Give --headful or --headless, not both.');
  if (options.headful && !display) {
    throw new Error('--headful needs a display, and there is none (no DISPLAY or WAYLAND_DISPLAY). Run without it.');
  }
  const configured = options.chrome || env.JOBSWIPE_CHROME || chromiumExecutable();
  return {
    browser: chromeAt ? 'chrome' : configured,
    headless: options.headless ? true : options.headful ? false : !display,
  };
}

/** How long a browser launched with a DevTools port may take to say which port it chose. */
const DEVTOOLS_WAIT_MS = 5_000;

export class AgentBrowser {
  private opening: Promise<BrowserContext> | null = null;
  /** Whether a model fallback wants the DevTools endpoint: from then on every launch opens one. */
  private devtoolsWanted = false;
  private devtools: string | null = null;

  constructor(
    private readonly choice: BrowserChoice,
    private readonly profileDir: string,
  ) {}

  /**
   * The open context; launched on first use, and again if the browser went away. `devtools`: a
   * model fallback will attach (Stagehand over CDP), so a launch opens a DevTools port on loopback;
   * a browser already open without one keeps going without it (see devtoolsUrl).
   */
  context(options: { devtools?: boolean } = {}): Promise<BrowserContext> {
    if (options.devtools) this.devtoolsWanted = true;
    if (!this.opening) {
      const opening = this.launch();
      this.opening = opening;
      opening.then(
        (context) =>
          context.on('close', () => {
            if (this.opening === opening) this.opening = null;
          }),
        () => {
          if (this.opening === opening) this.opening = null;
        },
      );
    }
    return this.opening;
  }

  /** The open browser's DevTools endpoint (ws://127.0.0.1:…), or null when it was launched without one. */
  devtoolsUrl(): string | null {
    return this.opening ? this.devtools : null;
  }

  private async launch(): Promise<BrowserContext> {
    const devtools = this.devtoolsWanted;
    this.devtools = null;
    // Chromium writes the port it chose here; one left by an earlier run must not be read.
    const portFile = join(this.profileDir, 'DevToolsActivePort');
    await rm(portFile, { force: true });
    for (let attempt = 1; ; attempt++) {
      try {
        const context = await chromium.launchPersistentContext(this.profileDir, {
          headless: this.choice.headless,
          // Playwright adds --no-sandbox itself unless told the sandbox is wanted.
          chromiumSandbox: true,
          // Port 0: Chromium picks a free one on loopback and writes it to DevToolsActivePort.
          args: devtools ? [...SANDBOXED_ARGS, '--remote-debugging-port=0'] : SANDBOXED_ARGS,
          viewport: { width: 1280, height: 900 },
          ...(this.choice.browser === 'chrome' || this.choice.browser === 'msedge'
            ? { channel: this.choice.browser }
            : { executablePath: this.choice.browser }),
        });
        if (devtools) this.devtools = await devtoolsEndpoint(portFile).catch(() => null);
        return context;
      } catch (err) {
        // A browser left by a run that crashed can hold the profile for a moment after it.
        if (attempt >= LAUNCH_ATTEMPTS) throw asRoot(err);
        await delay(LAUNCH_RETRY_MS);
      }
    }
  }

  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    const context = await opening?.catch(() => null);
    await context?.close().catch(() => {});
  }
}

/** The browser's DevTools WebSocket from the DevToolsActivePort file (its port, then its path). */
async function devtoolsEndpoint(portFile: string): Promise<string> {
  const until = Date.now() + DEVTOOLS_WAIT_MS;
  for (;;) {
    const [port, path] = (await readFile(portFile, 'utf8').catch(() => '')).split('\n');
    if (port && path) return `ws://127.0.0.1:${port.trim()}${path.trim()}`;
    if (Date.now() > until) throw new Error('the browser did not open its DevTools port');
    await delay(50);
  }
}

/** Chromium's own words for a sandbox refused as root are cryptic: say what to do. */
function asRoot(err: unknown): unknown {
  if (process.getuid?.() !== 0) return err;
  return new Error(
    `The browser did not start, and this agent runs as root: Chromium refuses its sandbox for root, and JobSwipe never turns the sandbox off. Run JobSwipe as your own user. (${(err as Error).message.split('\n')[0]})`,
  );
}
