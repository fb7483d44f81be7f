// Why a card fits: the deck shows, from the user's profile, what a job shares with it (title,
// city or country, expected salary), and nothing for a job that shares none. Phone (touch) and desktop.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';

let backend: TestBackend;
let browser: Browser;

beforeAll(async () => {
  [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

describe('why a card fits', () => {
  for (const [size, viewport, options] of [
    ['desktop', DESKTOP, {}],
    ['phone', PHONE, { hasTouch: true, isMobile: true }],
  ] as const) {
    it(`says what a job shares with the profile, on a ${size}`, async () => {
      const { context, page, user } = await signedInContext(browser, backend, viewport, options);
      await user.api.put('/v1/profile', {
        currentTitle: 'Data Engineer',
        location: { city: 'Berlin', country: 'DE' },
        salaryExpectation: { amount: 90_000, currency: 'EUR', period: 'year' },
      });
      const prisma = backend.node.ctx.db.prisma;
      // Newest first: the fitting job on top, one that shares nothing under it (both newer than
      // any job an earlier test made).
      const base = Date.now() + 60_000;
      await createJobs(prisma, 1, {
        title: `Gardener ${size}`,
        location: 'Lisbon, Portugal',
        country: 'PT',
        salaryCurrency: 'EUR',
        salaryMax: 40_000,
        postedAt: new Date(base + 1000),
      });
      await createJobs(prisma, 1, {
        title: `Senior Data Engineer ${size}`,
        location: 'Berlin, Germany',
        country: 'DE',
        salaryCurrency: 'EUR',
        salaryMin: 80_000,
        salaryMax: 100_000,
        postedAt: new Date(base + 2000),
      });
      await page.goto('/');
      const top = page.locator('.card-top');
      await expect.poll(() => top.locator('.card-title').textContent()).toBe(`Senior Data Engineer ${size}`);
      const reasons = top.getByRole('list', { name: 'Why it fits you' }).getByRole('listitem');
      await expect
        .poll(() => reasons.allTextContents())
        .toEqual(['✓ Like your title (Data Engineer)', '✓ In Berlin', '✓ Pays what you expect']);
      await screenshot(page, `deck-fit-${size}`);
      if (size === 'phone') await page.getByRole('button', { name: 'Pass' }).tap();
      else await page.keyboard.press('ArrowLeft');
      await expect.poll(() => top.locator('.card-title').textContent()).toBe(`Gardener ${size}`);
      expect(await top.getByRole('list', { name: 'Why it fits you' }).count()).toBe(0);
      await context.close();
    });
  }
});
