// Why a card fits: the deck puts the job that fits the profile best first, even when it is older,
// and says what it shares with it (title, skills, city or country, expected salary), and nothing
// for a job that shares none; the card shows the catalog's job type, seniority, skills, posting
// date and the company's logo. Phone (touch) and desktop.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';

/** A company logo where Lever keeps them; the test's browser is answered by `serveLogos`, not by Lever. */
const LOGO = 'https://lever-client-logos.s3.amazonaws.com/fit-reasons-logo.svg';
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="52"><rect width="52" height="52" fill="#0a7"/></svg>';

/** Answers for Lever's logo bucket in place of the internet: LOGO is an image, any other logo there fails. */
async function serveLogos(context: BrowserContext) {
  await context.route('https://lever-client-logos.s3.amazonaws.com/**', (route) =>
    route.request().url() === LOGO
      ? route.fulfill({ contentType: 'image/svg+xml', body: LOGO_SVG })
      : route.fulfill({ status: 404, body: '' }),
  );
}

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
      await serveLogos(context);
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

describe("a card's logo", () => {
  it("shows the board's logo, else the company's initials: when it fails to load, or is not where the boards keep logos; whole at 360 px", async () => {
    const { context, page } = await signedInContext(
      browser,
      backend,
      { width: 360, height: 740 },
      {
        hasTouch: true,
        isMobile: true,
      },
    );
    await serveLogos(context);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    const prisma = backend.node.ctx.db.prisma;
    await prisma.job.updateMany({ data: { closedAt: new Date() } });
    const posting = (company: string, logoUrl: string, minutesAgo: number) =>
      createJobs(prisma, 1, {
        company,
        title: `Platform Engineer, ${company}`,
        logoUrl,
        postedAt: new Date(Date.now() - minutesAgo * 60_000),
      });
    await posting('Acme Robotics', LOGO, 1);
    await posting('Broken Image Co', 'https://lever-client-logos.s3.amazonaws.com/missing.png', 2);
    // A row no importer wrote (they keep only logos from the boards' stores): an internal address.
    await posting('Internal Corp', 'https://10.0.0.1/logo.png', 3);
    await page.goto('/');
    const card = (company: string) => page.locator('.card', { hasText: `Platform Engineer, ${company}` });
    await expect.poll(() => card('Internal Corp').count()).toBe(1);

    const logo = card('Acme Robotics').locator('img.company-logo');
    await expect.poll(() => logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(52);
    await expect.poll(() => card('Broken Image Co').locator('.company-mark').textContent()).toBe('BI');
    expect(await card('Broken Image Co').locator('img').count()).toBe(0);
    expect(await card('Internal Corp').locator('.company-mark').textContent()).toBe('IC');
    expect(await card('Internal Corp').locator('img').count()).toBe(0);
    expect(asked.filter((url) => url.includes('10.0.0.1'))).toEqual([]);

    // Nothing wider than the phone: the page, the top card and its head.
    const overflow = await page.evaluate(() => {
      const top = document.querySelector('.card-top') as HTMLElement;
      const head = top.querySelector('.card-head') as HTMLElement;
      return {
        page: document.documentElement.scrollWidth,
        card: top.getBoundingClientRect().right,
        head: head.scrollWidth > head.clientWidth,
      };
    });
    expect(overflow).toEqual({ page: 360, card: expect.any(Number), head: false });
    expect(overflow.card).toBeLessThanOrEqual(360);
    await screenshot(page, 'deck-logo-360');
    await context.close();
  });
});
