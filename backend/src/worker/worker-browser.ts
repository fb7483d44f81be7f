// The worker's one Chromium: launched once per process (or a browser the caller shares, as tests
// do), relaunched if it crashed. Every application gets a fresh context of it (the engine's
// `newApplicationContext`), with its own proxy. Launched with the engine's executable and
// arguments, but without Playwright's signal handlers: on SIGTERM Playwright would close the
// browser under the running applications, when the worker means to let them finish.
import { CHROMIUM_ARGS, chromiumExecutable } from '@jobswipe/automations/runner/browser';
import { type Browser, chromium } from 'playwright-core';

export class WorkerBrowser {
  private launched: Promise<Browser> | null = null;

  constructor(private readonly shared?: Browser) {}

  get(): Promise<Browser> {
    if (this.shared) return Promise.resolve(this.shared);
    this.launched ??= chromium
      .launch({
        headless: true,
        executablePath: chromiumExecutable(),
        args: CHROMIUM_ARGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      .then(
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
}
