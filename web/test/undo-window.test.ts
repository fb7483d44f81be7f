// The undo window in Chromium against a real backend: a right-swipe shows its countdown, Undo
// within it always gives the job back, after it the deck says "already applying" and links to the
// application to cancel it; the window is the user's own setting (0 allowed) on the plan page.

import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';

let backend: TestBackend;
let browser: Browser;

beforeAll(async () => {
  // The server's default window: a minute, so an undo the test makes in it is always inside it.
  [backend, browser] = await Promise.all([startBackend({ UNDO_GRACE_MS: '60000' }), launchBrowser()]);
  await createJobs(backend.node.ctx.db.prisma, 20);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

const prisma = () => backend.node.ctx.db.prisma;
const topTitle = (page: Page) => page.locator('.card-top .card-title');
const countdown = (page: Page) => page.getByTestId('undo-countdown');

describe('the undo window', () => {
  it('counts down on a phone after a right-swipe, and Undo within it gives the job back', async () => {
    const { context, page, user } = await signedInContext(browser, backend, PHONE, { hasTouch: true, isMobile: true });
    await page.goto('/');
    await expect.poll(() => topTitle(page).count()).toBe(1);
    const applied = await topTitle(page).textContent();
    await page.getByRole('button', { name: 'Apply' }).tap();

    // The countdown follows the server's window (a minute here): whole seconds, never more than it.
    await expect.poll(() => countdown(page).textContent()).toMatch(/Applying to .+ in \d+ s/);
    await expect
      .poll(async () => (await prisma().application.findMany({ where: { userId: user.user.id } })).map((a) => a.status))
      .toEqual(['GRACE']);
    const shown = Number((await countdown(page).textContent())?.match(/in (\d+) s/)?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(60);
    await screenshot(page, 'undo-countdown-phone');

    await countdown(page).getByRole('button', { name: 'Undo' }).tap();
    await expect.poll(() => topTitle(page).textContent()).toBe(applied);
    await expect.poll(() => countdown(page).count()).toBe(0);
    expect(await prisma().swipe.count({ where: { userId: user.user.id } })).toBe(0);
    const apps = await prisma().application.findMany({ where: { userId: user.user.id } });
    expect(apps.map((a) => a.status)).toEqual(['CANCELLED']);
    await context.close();
  });

  it('after the window, says "already applying" and links to the application to cancel it', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    // The shortest window the setting allows above none: one second, set on the plan page.
    await page.goto('/plan');
    const seconds = page.getByLabel('Seconds to undo a right-swipe');
    await expect.poll(() => seconds.inputValue()).toBe('60');
    await seconds.fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Saved: you have 1 s to undo a right-swipe.').count()).toBe(1);
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.user.id } })).undoGraceMs).toBe(1000);

    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await expect.poll(() => topTitle(page).count()).toBe(1);
    const applied = await topTitle(page).textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => topTitle(page).textContent()).not.toBe(applied);
    // The window ends on the server's clock: the application leaves GRACE and the countdown goes.
    await expect
      .poll(async () => (await prisma().application.findFirst({ where: { userId: user.user.id } }))?.status)
      .toBe('QUEUED');
    await expect.poll(() => countdown(page).count()).toBe(0);

    await page.keyboard.press('u');
    const late = page.getByRole('alert').filter({ hasText: 'Already applying' });
    await expect.poll(() => late.textContent()).toContain(`Already applying to ${applied}`);
    await screenshot(page, 'undo-already-applying-desktop');
    const app = await prisma().application.findFirstOrThrow({ where: { userId: user.user.id } });
    expect(app.status).toBe('QUEUED');
    expect(await topTitle(page).textContent()).not.toBe(applied);

    await late.getByRole('link', { name: 'Cancel the application' }).click();
    await expect.poll(() => page.url()).toContain(`/applications/${app.id}`);
    await context.close();
  });

  it('with the window set to 0, applies at once: no countdown, and undo is "already applying"', async () => {
    const { context, page, user } = await signedInContext(browser, backend, PHONE, { hasTouch: true, isMobile: true });
    await page.goto('/plan');
    const seconds = page.getByLabel('Seconds to undo a right-swipe');
    await seconds.fill('0');
    await page.getByRole('button', { name: 'Save' }).tap();
    await expect.poll(() => page.getByText('Saved: right-swipes go out at once.').count()).toBe(1);
    await screenshot(page, 'undo-setting-phone', { fullPage: true });

    await page.getByRole('link', { name: 'Jobs', exact: true }).tap();
    await expect.poll(() => topTitle(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Apply' }).tap();
    await expect
      .poll(async () => (await prisma().application.findFirst({ where: { userId: user.user.id } }))?.status)
      .toBe('QUEUED');
    await expect.poll(() => countdown(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).tap();
    await expect.poll(() => page.getByRole('link', { name: 'Cancel the application' }).count()).toBe(1);
    await context.close();
  });

  it('refuses a window outside 0–60 s on the page, before asking the server', async () => {
    const { context, page } = await signedInContext(browser, backend, DESKTOP);
    await page.goto('/plan');
    const seconds = page.getByLabel('Seconds to undo a right-swipe');
    await seconds.fill('90');
    await expect.poll(() => page.getByText('Enter whole seconds from 0 to 60.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await context.close();
  });
});
