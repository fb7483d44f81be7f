// The site as an app on a phone's home screen: Chromium finds it installable (manifest, icons,
// standalone display, theme colour, a service worker), and the deck opened from the icon's start
// URL works offline as it does in the browser.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE, signedInContext, startBackend } from './support/browser.ts';
import { NetworkCable } from './support/network-cable.ts';

let backend: TestBackend;
let browser: Browser;

beforeAll(async () => {
  [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
  await createJobs(backend.node.ctx.db.prisma, 12);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

interface Manifest {
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the home-screen app', () => {
  it('is installable: a manifest with standalone display, the theme colour and real icons', async () => {
    const res = await fetch(new URL('/manifest.webmanifest', backend.node.url));
    expect(res.headers.get('content-type')).toMatch(/application\/manifest\+json/);
    const manifest = (await res.json()) as Manifest;
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone', theme_color: '#5b4cf0' });
    const html = await (await fetch(new URL('/', backend.node.url), { headers: { accept: 'text/html' } })).text();
    expect(html).toContain(`<meta name="theme-color" content="${manifest.theme_color}"`);
    for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
      const bytes = Buffer.from(await (await fetch(new URL(icon.src, backend.node.url))).arrayBuffer());
      expect(pngSize(bytes), icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );

    const { context, page } = await signedInContext(browser, backend, PHONE);
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A test's browser context is incognito, where Chromium installs nothing: the only objection left.
    expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the deck from the start URL with no network, and keeps a swipe made there', async () => {
    const cable = await NetworkCable.to(backend.node.url);
    const { context, page, user } = await signedInContext(browser, backend, PHONE, { baseURL: cable.url });
    await page.goto('/');
    await expect.poll(() => page.locator('.card-top').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.close();

    // Later, with no network, the user taps the icon: the browser opens the manifest's start URL.
    cable.unplug();
    await context.setOffline(true);
    const app = await context.newPage();
    await app.goto('/');
    await expect.poll(() => app.getByText("You're offline").count()).toBe(1);
    await expect.poll(() => app.locator('.card-top').count()).toBe(1);
    await app.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => app.getByTestId('pending-swipes').textContent()).toContain('1 swipe waiting');

    cable.plug();
    await context.setOffline(false);
    await expect
      .poll(() => backend.node.ctx.db.prisma.swipe.count({ where: { userId: user.user.id } }), { timeout: 15_000 })
      .toBe(1);
    await context.close();
    await cable.close();
  });
});
