// The real things the web tests drive: Debian's Chromium through playwright-core, and a real
// backend (fresh database, free port) serving the built web app on the same origin.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumExecutable } from '@jobswipe/automations/runner/browser';
import { signUp } from '@jobswipe/backend/testing/api';
import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import type { AuthResponse } from '@jobswipe/protocol';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export interface Viewport {
  width: number;
  height: number;
}
export const PHONE: Viewport = { width: 390, height: 844 };
export const DESKTOP: Viewport = { width: 1440, height: 900 };

const SCREENSHOTS = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
}

/** A backend for one test file; sign-ups from the browser are not rate-limited here. */
export function startBackend(env: Record<string, string> = {}): Promise<TestBackend> {
  return startTestBackend({ AUTH_RATE_LIMIT: '1000', ...env });
}

/** A backend and a browser for one test file: started before its tests, closed after them. */
export function webWorld(env: Record<string, string> = {}): { backend: TestBackend; browser: Browser } {
  const world = {} as { backend: TestBackend; browser: Browser };
  beforeAll(async () => {
    [world.backend, world.browser] = await Promise.all([startBackend(env), launchBrowser()]);
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.backend?.close();
  });
  return world;
}

export type SignedUpUser = Awaited<ReturnType<typeof signUp>>;

/**
 * A browser context signed in as a fresh user: the refresh cookie the backend issued is planted
 * where the browser would keep it, so the page signs itself in as after any reload.
 */
export async function signedInContext(
  browser: Browser,
  backend: TestBackend,
  viewport: Viewport = DESKTOP,
  options: BrowserContextOptions = {},
  as?: SignedUpUser,
): Promise<{ context: BrowserContext; page: Page; user: SignedUpUser }> {
  const user = as ?? (await signUp(backend.api));
  const context = await browser.newContext({
    viewport,
    baseURL: backend.node.url,
    reducedMotion: 'no-preference',
    ...options,
  });
  // A step that cannot happen fails with its own message, well before the test's time is up.
  context.setDefaultTimeout(15_000);
  await plantSession(context, backend, user);
  const page = await context.newPage();
  return { context, page, user };
}

export async function plantSession(context: BrowserContext, backend: TestBackend, auth: AuthResponse): Promise<void> {
  const domain = new URL(backend.node.url).hostname;
  await context.addCookies([
    { name: 'js_refresh', value: auth.refreshToken, domain, path: '/v1/auth', httpOnly: true, sameSite: 'Strict' },
    // The readable hint the backend sets beside it: the page asks for a refresh only when it is there.
    { name: 'js_session', value: '1', domain, path: '/', sameSite: 'Strict' },
  ]);
}

/** Saves a screenshot under artifacts/screenshots/ for a reviewer to look at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, ...options });
}
