// One Chromium per test file (a fresh context per test), as the team's test rules ask.

import { CHROMIUM_ARGS, chromiumExecutable } from '@jobswipe/automations/runner/browser';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export function browserForFile(): { newPage(): Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage() {
      if (!browser) throw new Error('The browser is not launched yet (use it inside a test).');
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    },
  };
}
