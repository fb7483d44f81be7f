// The swipe deck in Chromium against a real backend: drag, touch, button, keyboard, undo, and swipes
// made offline that go out once the network returns, with nothing lost or doubled.

import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type SignedUpUser,
  screenshot,
  signedInContext,
  startBackend,
} from './support/browser.ts';
import { NetworkCable } from './support/network-cable.ts';

let backend: TestBackend;
let browser: Browser;

beforeAll(async () => {
  // Undo works within the user's grace period: a minute, so the test's undo is always inside it.
  [backend, browser] = await Promise.all([startBackend({ UNDO_GRACE_MS: '60000' }), launchBrowser()]);
  await createJobs(backend.node.ctx.db.prisma, 30, {
    description:
      'You will build the swipe deck.\n\nWe offer a four-day week, a learning budget and a calm on-call rotation.',
    keyPoints: ['TypeScript and React', 'Remote within Europe', 'Small, senior team'],
  });
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

const prisma = () => backend.node.ctx.db.prisma;

function topTitle(page: Page) {
  return page.locator('.card-top .card-title');
}

async function swipesOf(userId: string) {
  return prisma().swipe.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
}

async function open(
  viewport = DESKTOP,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; user: SignedUpUser }> {
  const session = await signedInContext(browser, backend, viewport, options);
  await session.page.goto('/');
  await expect.poll(() => topTitle(session.page).count()).toBe(1);
  return session;
}

/**
 * The deck reached through a cable the test can unplug. `setNetwork(false)` takes the network away
 * for real and tells the browser it is offline; `setNetwork(true)` gives both back.
 */
async function openBehindCable(viewport = DESKTOP, options: BrowserContextOptions = {}) {
  const cable = await NetworkCable.to(backend.node.url);
  const session = await open(viewport, { ...options, baseURL: cable.url });
  const setNetwork = async (up: boolean) => {
    if (up) cable.plug();
    else cable.unplug();
    await session.context.setOffline(!up);
  };
  const close = async () => {
    await session.context.close();
    await cable.close();
  };
  return { ...session, cable, setNetwork, close };
}

describe('the deck', () => {
  it('swipes by drag, by button and by keyboard, and undoes the last swipe', async () => {
    const { context, page, user } = await open();
    await screenshot(page, 'deck-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'deck-phone');
    await page.setViewportSize(DESKTOP);

    // Drag: real pointer events, the card follows and flies out past the threshold.
    const dragged = await topTitle(page).textContent();
    const box = (await page.locator('.card-top').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 30, y + i * 2);
    await expect.poll(() => page.locator('.stamp-right').count()).toBe(1);
    await page.mouse.up();
    await expect.poll(() => topTitle(page).textContent()).not.toBe(dragged);
    await expect.poll(async () => (await swipesOf(user.user.id)).map((s) => s.direction)).toEqual(['right']);

    // A short drag snaps back: no swipe.
    const stays = await topTitle(page).textContent();
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.card-top').evaluate((el) => (el as HTMLElement).style.transform)).toBe('');
    expect(await topTitle(page).textContent()).toBe(stays);

    // Button, then keyboard.
    await page.getByRole('button', { name: 'Pass' }).click();
    await expect.poll(() => topTitle(page).textContent()).not.toBe(stays);
    const keyed = await topTitle(page).textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => topTitle(page).textContent()).not.toBe(keyed);
    await expect
      .poll(async () => (await swipesOf(user.user.id)).map((s) => s.direction))
      .toEqual(['right', 'left', 'right']);

    // U undoes the keyboard swipe: the card is back and the server forgot the swipe.
    await page.keyboard.press('u');
    await expect.poll(() => topTitle(page).textContent()).toBe(keyed);
    await expect.poll(async () => (await swipesOf(user.user.id)).length).toBe(2);
    const cancelled = await prisma().application.findMany({ where: { userId: user.user.id, status: 'CANCELLED' } });
    expect(cancelled).toHaveLength(1);
    await context.close();
  });

  it('keeps key presses made while a card flies out, one swipe per press, in order', async () => {
    const { context, page, user } = await open();
    const first = await topTitle(page).textContent();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await swipesOf(user.user.id)).map((s) => s.direction))
      .toEqual(['right', 'left', 'right']);
    expect(await topTitle(page).textContent()).not.toBe(first);
    await context.close();
  });

  it('keeps the filters across a reload, and Clear clears them for good', async () => {
    const { context, page } = await open();
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByLabel('Job title or keyword').fill('Engineer 1');
    await page.getByRole('button', { name: 'Show jobs' }).click();
    await expect.poll(() => topTitle(page).textContent()).toMatch(/^Engineer 1/);
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: /^Filters/ }).textContent()).toContain('Filters (1)');
    await expect.poll(() => topTitle(page).textContent()).toMatch(/^Engineer 1/);
    await page.getByRole('button', { name: /^Filters/ }).click();
    expect(await page.getByLabel('Job title or keyword').inputValue()).toBe('Engineer 1');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.reload();
    await expect
      .poll(async () => (await page.getByRole('button', { name: /^Filters/ }).textContent())?.trim())
      .toBe('Filters');
    await page.getByRole('button', { name: 'Filters' }).click();
    expect(await page.getByLabel('Job title or keyword').inputValue()).toBe('');
    await context.close();
  });

  it('swipes with a finger on a phone: the card follows the touch, and a short one snaps back', async () => {
    const { context, page, user } = await open(PHONE, { hasTouch: true, isMobile: true });
    // Real touch input, as a touchscreen sends it: the browser turns it into pointer events (or a
    // scroll, were the card to let it).
    const cdp = await context.newCDPSession(page);
    const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const box = (await page.locator('.card-top').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];

    const stays = await topTitle(page).textContent();
    await touch('touchStart', x, y);
    for (let i = 1; i <= 3; i++) await touch('touchMove', x - i * 6, y);
    await expect
      .poll(() => page.locator('.card-top').evaluate((el) => (el as HTMLElement).style.transform))
      .not.toBe('');
    await touch('touchEnd', x - 18, y);
    await expect.poll(() => page.locator('.card-top').evaluate((el) => (el as HTMLElement).style.transform)).toBe('');
    expect(await topTitle(page).textContent()).toBe(stays);

    await touch('touchStart', x, y);
    for (let i = 1; i <= 10; i++) await touch('touchMove', x - i * 25, y + i);
    await expect.poll(() => page.locator('.stamp-left').count()).toBe(1);
    await touch('touchEnd', x - 250, y + 10);
    await expect.poll(() => topTitle(page).textContent()).not.toBe(stays);
    await expect.poll(async () => (await swipesOf(user.user.id)).map((s) => s.direction)).toEqual(['left']);
    await context.close();
  });

  it('keeps offline swipes on the device and sends each exactly once when the network returns', async () => {
    const { page, user, setNetwork, close } = await openBehindCable(PHONE, { colorScheme: 'dark' });
    await screenshot(page, 'deck-phone-dark');
    await setNetwork(false);
    const titles: (string | null)[] = [];
    for (let i = 0; i < 2; i++) {
      titles.push(await topTitle(page).textContent());
      await page.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => topTitle(page).textContent()).not.toBe(titles[i]);
    }
    const pending = page.getByTestId('pending-swipes');
    await expect.poll(() => pending.textContent()).toContain('2 swipes waiting to be sent');
    await expect.poll(() => pending.textContent()).toContain('you are offline');
    await screenshot(page, 'deck-phone-dark-offline');
    expect(await swipesOf(user.user.id)).toHaveLength(0);

    await setNetwork(true);
    await expect.poll(async () => (await swipesOf(user.user.id)).length).toBe(2);
    await expect.poll(() => pending.count()).toBe(0);
    const apps = await prisma().application.groupBy({ by: ['jobId'], where: { userId: user.user.id }, _count: true });
    expect(apps.map((a) => a._count)).toEqual([1, 1]);
    await close();
  });

  it('keeps swipes made offline after the page is closed, and a resend whose answer was lost applies once', async () => {
    // Request interception sees every request only without a service worker in between.
    const { context, page, user } = await open(DESKTOP, { serviceWorkers: 'block' });
    await context.setOffline(true);
    const first = await topTitle(page).textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('pending-swipes').textContent()).toContain('1 swipe waiting');
    await page.close();

    // The swipe is still on the device after the page is gone; the next visit sends it. Its first
    // send reaches the server but the answer is lost on the way back, so it is sent again.
    await context.setOffline(false);
    const again = await context.newPage();
    let sends = 0;
    await again.route('**/v1/swipes', async (route) => {
      if (sends++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await again.goto('/');
    await expect.poll(() => sends, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => again.getByTestId('pending-swipes').count()).toBe(0);
    expect(await swipesOf(user.user.id)).toHaveLength(1);
    expect(await prisma().application.count({ where: { userId: user.user.id } })).toBe(1);
    expect(await topTitle(again).textContent()).not.toBe(first);
    await context.close();
  });

  it('reloads while offline from the cached app, still showing the waiting swipes, and sends them on reconnect', async () => {
    const { page, user, setNetwork, close } = await openBehindCable();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await setNetwork(false);
    const swiped = await topTitle(page).textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('pending-swipes').textContent()).toContain('1 swipe waiting');

    await page.reload();
    await expect.poll(() => page.getByTestId('pending-swipes').textContent()).toContain('1 swipe waiting');
    await expect.poll(() => page.getByTestId('pending-swipes').textContent()).toContain(swiped ?? '');
    // The deck saved on the device is still there to swipe, without the card already swiped.
    await expect.poll(() => topTitle(page).count()).toBe(1);
    expect(await topTitle(page).textContent()).not.toBe(swiped);
    expect(await swipesOf(user.user.id)).toHaveLength(0);

    await setNetwork(true);
    await expect.poll(async () => (await swipesOf(user.user.id)).length).toBe(1);
    await expect.poll(() => page.getByTestId('pending-swipes').count()).toBe(0);
    // The live deck replaces the saved one.
    await expect.poll(() => page.getByText("You're offline").count()).toBe(0);
    await close();
  });

  it('finds JobSwipe again by itself after an outage the browser never noticed', async () => {
    // The server restarts, or the Wi-Fi has no internet: the browser stays "online" throughout.
    const { page, user, cable, close } = await openBehindCable();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    cable.unplug();
    const swiped = await topTitle(page).textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('pending-swipes').textContent()).toContain('1 swipe waiting');
    await page.reload();
    await expect.poll(() => page.getByText("You're offline").count()).toBe(1);
    expect(await topTitle(page).textContent()).not.toBe(swiped);
    expect(await swipesOf(user.user.id)).toHaveLength(0);

    cable.plug();
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    await expect.poll(async () => (await swipesOf(user.user.id)).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('pending-swipes').count()).toBe(0);
    await expect.poll(() => page.getByText("You're offline").count(), { timeout: 15_000 }).toBe(0);
    await close();
  });

  it("applies at once on screen, then says so when the server defers a swipe past today's limit", async () => {
    const { context, page, user } = await open(PHONE);
    const plan = await prisma().plan.findUniqueOrThrow({ where: { id: 'free' } });
    const limit = plan.dailyLimit ?? 0;
    expect(limit).toBeGreaterThan(0);
    const quota = page.getByTestId('quota');
    await expect
      .poll(() => quota.textContent())
      .toContain(`${limit} left today · ${plan.totalPerMonth} left this month`);
    expect(await quota.textContent()).toContain('Your next apply goes out now, from our servers.');
    for (let i = 0; i <= limit; i++) {
      const title = await topTitle(page).textContent();
      await page.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => topTitle(page).textContent()).not.toBe(title);
    }
    await expect.poll(() => page.locator('.toast').textContent()).toContain("Today's limit is reached");
    await expect.poll(() => quota.textContent()).toContain('0 left today');
    expect(await quota.textContent()).toContain('your next apply goes out tomorrow');
    const statuses = await prisma().application.findMany({ where: { userId: user.user.id }, select: { status: true } });
    expect(statuses.filter((a) => a.status === 'SCHEDULED')).toHaveLength(1);
    await context.close();
  });
});
