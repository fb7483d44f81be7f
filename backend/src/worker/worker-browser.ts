// The worker's one Chromium: launched once per process (or a browser the caller shares, as tests
// do), relaunched if it crashed. Every application gets a fresh context of it (the engine's
// `newApplicationContext`), with its own proxy. Launched with the engine's executable and
// arguments, but without Playwright's signal handlers: on SIGTERM Playwright would close the
// browser under the running applications, when the worker means to let them finish.
// Sandboxed where it can be: Chromium's sandbox keeps a hostile page from the worker's files and
// network, but needs user namespaces (a container may forbid them) and refuses to run as root.
import { CHROMIUM_ARGS, chromiumExecutable, devtoolsUrl, freePort } from '@jobswipe/automations/runner/browser';
import { type Browser, chromium } from 'playwright-core';
import type { Logger } from '../logger.ts';

const NO_SANDBOX = '--no-sandbox';

export class WorkerBrowser {
  private launched: Promise<Browser> | null = null;
  /** Whether the browser it launched runs in Chromium's sandbox (null until launched). */
  sandboxed: boolean | null = null;

  /**
   * The DevTools endpoint the model fallback attaches to: the shared browser's as given, or that
   * of the one launched here when `withCdp` (on loopback, which the egress check keeps every page
   * from reaching). Null until launched, and without one.
   */
  cdpUrl: string | null;

  constructor(
    private readonly log: Logger,
    private readonly shared?: Browser,
    private readonly cdp: { sharedUrl?: string | undefined; withCdp?: boolean } = {},
  ) {
    this.cdpUrl = cdp.sharedUrl ?? null;
  }

  get(): Promise<Browser> {
    if (this.shared) return Promise.resolve(this.shared);
    this.launched ??= this.launchSandboxedIfAllowed().then(
      (browser) => {
        browser.on('disconnected', () => {
          this.launched = null;
        });
        return browser;
      },
      (err: unknown) => {
        this.launched = null;
        throw err;
      },
    );
    return this.launched;
  }

  /** Closes the browser if it launched it. */
  async close(): Promise<void> {
    const launched = this.launched;
    this.launched = null;
    await (await launched?.catch(() => null))?.close();
  }

  private async launchSandboxedIfAllowed(): Promise<Browser> {
    const port = this.cdp.withCdp ? await freePort() : null;
    const devtools = port ? [`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'] : [];
    const launched = async (browser: Browser) => {
      this.cdpUrl = port ? await devtoolsUrl(port) : null;
      return browser;
    };
    if (process.getuid?.() !== 0 && this.sandboxed !== false) {
      try {
        const browser = await launch([...CHROMIUM_ARGS.filter((arg) => arg !== NO_SANDBOX), ...devtools], true);
        this.sandboxed = true;
        return launched(browser);
      } catch (err) {
        this.log.warn(
          { err: err instanceof Error ? err.message.split('\n')[0] : String(err) },
          "Chromium's sandbox is not available here (no user namespaces?): running the browser without it",
        );
      }
    } else if (this.sandboxed === null) {
      this.log.warn('running as root: Chromium runs without its sandbox (run the worker as another user to have it)');
    }
    this.sandboxed = false;
    return launched(await launch([...CHROMIUM_ARGS, ...devtools], false));
  }
}

/** Playwright adds --no-sandbox itself unless `chromiumSandbox` is set. */
function launch(args: string[], sandboxed: boolean): Promise<Browser> {
  return chromium.launch({
    headless: true,
    executablePath: chromiumExecutable(),
    chromiumSandbox: sandboxed,
    args,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
