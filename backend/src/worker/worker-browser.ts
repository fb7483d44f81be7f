// The worker's one Chromium: launched once per process (or a browser the caller shares, as tests
// do), relaunched if it crashed. Every application gets a fresh context of it (the engine's
// `newApplicationContext`), with its own proxy.
import { launchBrowser } from '@jobswipe/automations/runner/browser';
import type { Browser } from 'playwright-core';

export class WorkerBrowser {
  private launched: Promise<Browser> | null = null;

  constructor(private readonly shared?: Browser) {}

  get(): Promise<Browser> {
    if (this.shared) return Promise.resolve(this.shared);
    this.launched ??= launchBrowser({ headless: true }).then(
      ({ browser }) => {
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
