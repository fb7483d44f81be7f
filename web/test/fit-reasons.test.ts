// Why a card fits: the deck puts the job that fits the profile best first, even when it is older,
// and says what it shares with it (title, skills, city or country, expected salary), and nothing
// for a job that shares none; the card shows the catalog's job type, seniority, skills, posting
// date and the company's logo. Phone (touch) and desktop.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';

/** A company logo as the catalog may hold one (a data: URL: the test reaches no image host). */
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="52"><rect width="52" height="52" fill="#0a7"/></svg>',
)}`;

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
        workHistory: [{ company: 'Acme', title: 'Data Engineer', current: true, description: 'Python and Spark.' }],
      });
      const prisma = backend.node.ctx.db.prisma;
      // Only this run's jobs are open; the fitting one is older, yet comes first.
      await prisma.job.updateMany({ data: { closedAt: new Date() } });
      await createJobs(prisma, 1, {
        title: `Senior Data Engineer ${size}`,
        location: 'Berlin, Germany',
        country: 'DE',
        salaryCurrency: 'EUR',
        salaryMin: 80_000,
        salaryMax: 100_000,
        employmentType: 'full_time',
        seniority: 'senior',
        skills: ['Python', 'Spark', 'Kafka'],
        logoUrl: LOGO,
        postedAt: new Date(Date.now() - 3 * 86_400_000),
      });
      await createJobs(prisma, 1, {
        title: `Gardener ${size}`,
        location: 'Lisbon, Portugal',
        remote: false,
        country: 'PT',
        salaryCurrency: 'EUR',
        salaryMax: 40_000,
        postedAt: new Date(),
      });
      await page.goto('/');
      const top = page.locator('.card-top');
      await expect.poll(() => top.locator('.card-title').textContent()).toBe(`Senior Data Engineer ${size}`);
      const reasons = top.getByRole('list', { name: 'Why it fits you' }).getByRole('listitem');
      await expect
        .poll(() => reasons.allTextContents())
        .toEqual([
          '✓ Like your title (Data Engineer)',
          '✓ Your skills: Python, Spark',
          '✓ In Berlin',
          '✓ Pays what you expect',
        ]);
      const tags = await top.getByRole('list', { name: 'At a glance' }).getByRole('listitem').allTextContents();
      expect(tags).toEqual(expect.arrayContaining(['Full-time', 'Senior']));
      expect(
        await top.getByRole('list', { name: 'Skills it asks for' }).getByRole('listitem').allTextContents(),
      ).toEqual(['Python', 'Spark', 'Kafka']);
      expect(await top.locator('.card-posted').textContent()).toBe('Posted 3 days ago');
      expect(await top.locator('img.company-logo').getAttribute('src')).toBe(LOGO);
      expect(await top.locator('img.company-logo').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(52);
      await screenshot(page, `deck-fit-${size}`);
      if (size === 'phone') await page.getByRole('button', { name: 'Pass' }).tap();
      else await page.keyboard.press('ArrowLeft');
      await expect.poll(() => top.locator('.card-title').textContent()).toBe(`Gardener ${size}`);
      expect(await top.getByRole('list', { name: 'Why it fits you' }).count()).toBe(0);
      await context.close();
    });
  }
});
