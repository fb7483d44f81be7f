// The window as the user meets it: the built renderer in real Chromium, the built preload's bridge
// reaching the real main-process handlers (through the Electron stand-in), a real backend. Pairing
// by typing the code, a plain message when the chosen browser is missing, settings, pause by
// keyboard alone, the log; no Node in the page, the CSP enforced, navigation and window.open
// refused; no serious accessibility violation in light or dark mode.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import { changeStatus, claimAs } from '@jobswipe/backend/testing/transitions';
import { swipeRight, userWith } from '@jobswipe/backend/testing/users';
import type { PairStartResponse, Question } from '@jobswipe/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../../web/test/support/page-checks.ts';
import { DesktopApp } from '../src/main/desktop-app.ts';
import { type BuiltDesktop, buildDesktopForTest, launchWindowBrowser } from './support/desktop-build.ts';
import { standIn } from './support/electron-stand-in.ts';

let backend: TestBackend;
let built: BuiltDesktop;
let browser: Browser;
let userData: string;
let page: Page;
let userId: string;
let pairCode: () => Promise<string>;
let swipe: (count: number) => Promise<string[]>;

beforeAll(async () => {
  [backend, built, browser] = await Promise.all([
    startTestBackend({ PAIR_RATE_LIMIT: '1000' }),
    buildDesktopForTest('window'),
    launchWindowBrowser(),
  ]);
  const user = await userWith(backend.api, backend.node.ctx.db.prisma, { undoGraceMs: 0 });
  userId = user.user.id;
  swipe = (count) => swipeRight(user.api, backend.node.ctx.db.prisma, count);
  pairCode = async () => (await user.api.post<PairStartResponse>('/v1/devices/pair/start')).body.code;
  userData = await mkdtemp(join(tmpdir(), 'jsd-window-'));
  standIn.userData = userData;
  standIn.browser = browser;
  await DesktopApp.start(built.options(backend.node.url));
  page = standIn.window.webContents.page!;
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  await standIn.close();
  await browser?.close();
  await backend?.close();
  await built?.remove();
  await rm(userData, { recursive: true, force: true });
});

const summary = () => page.getByTestId('summary');

describe('the window', () => {
  it('has the bridge and nothing else: no Node, no Electron, a CSP that stops inline script', async () => {
    await expect.poll(() => summary().textContent()).toBe('Not paired: open JobSwipe to pair this computer');
    const globals = await page.evaluate(() => ({
      bridge: Object.keys(window.jobswipe).sort(),
      frozen: Object.isFrozen(window.jobswipe),
      require: typeof (window as { require?: unknown }).require,
      process: typeof (window as { process?: unknown }).process,
      standIn: typeof (window as { __electronRendererStandIn?: unknown }).__electronRendererStandIn,
    }));
    expect(globals).toEqual({
      bridge: ['answer', 'evidence', 'getLog', 'getState', 'onLog', 'onState', 'pair', 'saveSettings', 'setPaused'],
      frozen: true,
      require: 'undefined',
      process: 'undefined',
      standIn: 'undefined',
    });
    const inline = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve({ ran: 'inlineRan' in window, violated: e.violatedDirective }),
          );
          const script = document.createElement('script');
          script.textContent = 'window.inlineRan = true';
          document.body.append(script);
        }),
    );
    expect(inline).toEqual({ ran: false, violated: 'script-src-elem' });
  });

  it('refuses navigation to another origin and window.open, and the page stays the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/phish';
    });
    await expect.poll(() => standIn.blocked).toContainEqual({ kind: 'navigation', url: 'https://evil.example/phish' });
    await page.evaluate(() => window.open('https://evil.example/popup'));
    await expect.poll(() => standIn.blocked).toContainEqual({ kind: 'window', url: 'https://evil.example/popup' });
    await expect.poll(() => page.context().pages().length).toBe(1);
    expect(page.url()).toBe(before);
    await expect.poll(() => summary().textContent()).toContain('Not paired');
  });

  it('pairs with a typed code, then says plainly that Chrome is not installed', async () => {
    await page.getByLabel('Pairing code').fill(await pairCode());
    await page.getByLabel('JobSwipe address').fill(backend.node.url);
    await page.getByRole('button', { name: 'Pair', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('problem').textContent())
      .toContain('Google Chrome is not installed on this computer');
    expect(await page.getByRole('heading', { name: 'Applying now' }).count()).toBe(1);
    expect(await page.getByLabel('Pairing code').count()).toBe(0);
  });

  it('settings from the form: another Chromium, started at login; the agent connects', async () => {
    // This build has no Chromium of its own: the choice says so and cannot be taken.
    const bundled = page.getByRole('radio', { name: /The Chromium that comes with JobSwipe/ });
    expect(await bundled.isDisabled()).toBe(true);
    expect(await page.getByText('this build of JobSwipe comes without one').count()).toBe(1);
    await page.getByRole('radio', { name: 'Another Chromium' }).check();
    await page.getByLabel('Path of the Chromium').fill('/usr/bin/chromium');
    await page.getByLabel('Applications at once').fill('2');
    await page.getByLabel('Start JobSwipe when I log in').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    expect(standIn.loginItem).toEqual({ openAtLogin: true });
    await expect.poll(() => summary().textContent()).toBe('Idle: waiting for your next right-swipe');
    await expect.poll(() => backend.node.gateway.connected(userId)[0]?.capacity).toBe(2);
    expect(await page.getByTestId('now').textContent()).toContain('Nothing right now');
  });

  it('a bad setting is refused by main with the field named, shown as an alert', async () => {
    await page.getByLabel('Quiet hours').fill('late evening');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'quietHours' }).textContent())
      .toContain('write it as HH:MM-HH:MM');
    await page.getByLabel('Quiet hours').fill('');
  });

  it('pauses and resumes with the keyboard alone', async () => {
    // Focus starts from the page's header, where a reader starts.
    await page.getByText('JobSwipe', { exact: true }).click();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause applying');
    await page.keyboard.press('Enter');
    await expect.poll(() => summary().textContent()).toBe('Paused: no new applications');
    await expect.poll(() => backend.node.gateway.connected(userId)[0]?.capacity).toBe(0);
    expect(await page.getByRole('button', { name: 'Resume applying' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => summary().textContent()).toBe('Idle: waiting for your next right-swipe');
  });

  it('the queue with estimated starts, and a question answered in the window, as on the web', async () => {
    standIn.tray.click('pause');
    await expect.poll(() => backend.node.gateway.connected(userId)[0]?.capacity).toBe(0);
    const [queued, waiting] = await swipe(2);
    // Another executor met a question only the user can answer.
    const question: Question = {
      key: 'why do you want to work here',
      label: 'Why do you want to work here?',
      type: 'textarea',
      required: true,
    };
    const lease = await claimAs(backend.node.ctx, waiting!, 'device:other');
    await changeStatus(backend.node.ctx, {
      applicationId: waiting!,
      name: 'fail',
      to: 'NEEDS_ATTENTION',
      actor: 'device:other',
      lease: { token: lease.leaseToken, holder: 'device:other' },
      changes: { attention: [question], error: { message: 'Only you can answer this', errorClass: 'needs_user' } },
    });
    const job = await backend.node.ctx.db.prisma.application.findUniqueOrThrow({
      where: { id: waiting! },
      include: { job: true },
    });
    const title = `${job.job.title} at ${job.job.company}`;
    // The window fetches both when it gets the focus (and every 30 s).
    standIn.window.focus();
    await expect.poll(() => summary().textContent()).toBe('Needs you: 1 application waits for your answer');
    expect(standIn.tray.tooltip).toBe('JobSwipe: Needs you: 1 application waits for your answer');
    expect(standIn.notifications).toContainEqual({
      title: 'JobSwipe needs you',
      body: `${title} needs an answer from you before it can be sent.`,
    });
    const queue = await page.getByTestId('queue').textContent();
    const queuedJob = await backend.node.ctx.db.prisma.application.findUniqueOrThrow({
      where: { id: queued! },
      include: { job: true },
    });
    expect(queue).toContain(`${queuedJob.job.title} at ${queuedJob.job.company}after you resume`);

    const form = page.getByRole('form', { name: `Answers for ${title}` });
    await form.getByRole('button', { name: 'Send answers' }).click();
    // The browser's own check: a required answer is missing.
    expect(
      await form
        .getByLabel('Why do you want to work here?')
        .evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing),
    ).toBe(true);
    await form.getByLabel('Why do you want to work here?').fill('The mission.');
    await form.getByRole('button', { name: 'Send answers' }).click();
    await expect.poll(() => summary().textContent()).toBe('Paused: no new applications');
    expect(await page.getByTestId('needs-you').textContent()).toContain('Nothing waits on you');
    const answered = await backend.node.ctx.db.prisma.application.findUniqueOrThrow({ where: { id: waiting! } });
    expect(answered.status).toBe('QUEUED');
    standIn.tray.click('resume');
    // No application has run here yet: no pace measured, so no made-up start time.
    await expect
      .poll(() => page.getByTestId('queue').textContent())
      .toMatch(/start time known after the first application here|running now/);
  });

  it('shows the log for support', async () => {
    await page.getByText(/Show the log/).click();
    await expect.poll(() => page.getByTestId('log').textContent()).toContain('paused by the user');
    expect(await page.getByTestId('log').textContent()).toContain('agent starting');
  });

  it('has no serious accessibility violation, in light and in dark mode', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 17, 28)');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(245, 244, 251)');
  });

  it('quits, handing back before the app exits', async () => {
    standIn.tray.click('quit');
    await standIn.quitted;
    await expect.poll(() => backend.node.gateway.connected(userId)).toEqual([]);
  });
});
