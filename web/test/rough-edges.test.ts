// The rough edges a new user hit, each in Chromium against a real backend: a signed-out visit logs
// no error, focus follows navigation, a page that cannot load shows the way back, the toast is
// readable at any length and fades under reduced motion, an online swipe does not flash the
// "waiting" banner, and a server without payments says so.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';

let backend: TestBackend;
let browser: Browser;

beforeAll(async () => {
  // No STRIPE_SECRET_KEY: this server has no payments.
  [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
  await createJobs(backend.node.ctx.db.prisma, 10, {
    title: 'Principal Engineer for Developer Productivity, Build Infrastructure and Continuous Delivery Pipelines',
    company: 'Very Long Company Name Incorporated of Greater Metropolitan Area',
  });
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

describe('rough edges', () => {
  it('a signed-out visit logs no console error, and after sign-in focus moves to each page heading', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: backend.node.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const path of ['/', '/signin', '/applications']) {
      await page.goto(path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome back');
    }
    expect(errors).toEqual([]);
    await context.close();

    const signedIn = await signedInContext(browser, backend, DESKTOP);
    await signedIn.page.goto('/');
    await expect.poll(() => signedIn.page.locator('.card-top').count()).toBe(1);
    for (const [link, heading] of [
      ['Applications', 'Applications'],
      ['Plan', 'Plan and usage'],
      ['Devices', 'Devices'],
    ]) {
      await signedIn.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
      await expect
        .poll(() =>
          signedIn.page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`),
        )
        .toBe(`H1 ${heading}`);
    }
    await signedIn.context.close();
  });

  it('shows the way back when a page cannot be loaded, instead of a blank screen', async () => {
    // The page's code cannot be fetched (offline before it was ever saved on the device).
    const { context, page } = await signedInContext(browser, backend, PHONE, { serviceWorkers: 'block' });
    await page.route('**/assets/plan-page-*.js', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await expect.poll(() => page.locator('.card-top').count()).toBe(1);
    await page.getByRole('link', { name: 'Plan' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This page could not be shown');
    expect(await page.getByRole('main').textContent()).toContain("It opens once you're back online");
    await page.getByRole('link', { name: 'Back to the jobs' }).click();
    await expect.poll(() => page.locator('.card-top').count()).toBe(1);
    await context.close();
  });

  it('shows a long toast whole at 360 px, over no control (the offline banner’s button), then fades it, also under reduced motion', async () => {
    const { context, page } = await signedInContext(
      browser,
      backend,
      { width: 360, height: 740 },
      {
        reducedMotion: 'reduce',
      },
    );
    await page.goto('/');
    await expect.poll(() => page.locator('.card-top').count()).toBe(1);
    // Offline, the swipe waits on the device: the banner with its "Retry now" shows with the toast.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Pass' }).click();
    const toast = page.locator('.toast');
    await expect.poll(() => toast.textContent()).toContain('Principal Engineer for Developer Productivity');
    await expect.poll(() => page.getByRole('button', { name: 'Retry now' }).count()).toBe(1);
    const box = await toast.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        right: r.right,
        clipped: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
      };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(360);
    expect(box.clipped).toBe(false);
    await screenshot(page, 'deck-toast-offline-360');
    expect(await controlsUnder(page, '.toast')).toEqual([]);
    // Faded, it is gone, leaving no empty room behind.
    await expect.poll(() => toast.count(), { timeout: 15_000 }).toBe(0);
    await context.setOffline(false);
    await context.close();
  });

  it('does not flash the "waiting to be sent" banner for a swipe sent at once', async () => {
    const { context, page, user } = await signedInContext(browser, backend, PHONE);
    await page.goto('/');
    await expect.poll(() => page.locator('.card-top').count()).toBe(1);
    await page.evaluate(() => {
      const w = window as unknown as { bannerSeen: number };
      w.bannerSeen = 0;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="pending-swipes"]')) w.bannerSeen += 1;
      }).observe(document.body, { childList: true, subtree: true });
    });
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => backend.node.ctx.db.prisma.swipe.count({ where: { userId: user.user.id } })).toBe(3);
    expect(await page.evaluate(() => (window as unknown as { bannerSeen: number }).bannerSeen)).toBe(0);
    await context.close();
  });

  it('says payments are not set up when the server has no Stripe', async () => {
    const { context, page } = await signedInContext(browser, backend, PHONE);
    await page.goto('/plan');
    await page.getByRole('button', { name: 'Upgrade to Pro' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Payments are not set up on this server');
    await context.close();
  });
});

/**
 * The buttons, links and inputs the element at `selector` overlaps, by their text: each as far as
 * it shows (a control clipped away by a scrolling or clipping box around it is not covered).
 */
function controlsUnder(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const over = document.querySelector(sel)?.getBoundingClientRect();
    if (!over) return [];
    return [...document.querySelectorAll('button, a[href], input, select, textarea, summary')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      for (let box = el.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflow === 'visible') continue;
        const b = box.getBoundingClientRect();
        [left, top, right, bottom] = [
          Math.max(left, b.left),
          Math.max(top, b.top),
          Math.min(right, b.right),
          Math.min(bottom, b.bottom),
        ];
      }
      const meets = left < over.right && over.left < right && top < over.bottom && over.top < bottom;
      return right > left && bottom > top && meets ? [el.textContent?.trim() || el.tagName] : [];
    });
  }, selector);
}
