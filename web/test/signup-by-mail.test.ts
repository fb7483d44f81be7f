// Sign-up in Chromium against a real backend that mails through a real SMTP server on loopback:
// the page answers the same for a new address and one that has an account, the mailed link
// finishes the sign-up, and no signed-out page logs a console error. Phone (touch) and desktop.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import {
  linkInMail,
  mailText,
  type SmtpInbox,
  signUpByMail,
  startSmtpInbox,
} from '@jobswipe/backend/testing/smtp-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, startBackend } from './support/browser.ts';

let backend: TestBackend;
let browser: Browser;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  [backend, browser] = await Promise.all([
    startBackend({ SMTP_URL: inbox.url, MAIL_FROM: 'JobSwipe <no-reply@jobswipe.test>' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await inbox?.close();
});

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

describe('sign-up with mail', () => {
  it('says the same for a new and a taken address on a phone, and the mailed link finishes it', async () => {
    const taken = await signUpByMail(backend.api, inbox);
    const fresh = `newcomer${Date.now()}@example.com`;
    const context = await browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      baseURL: backend.node.url,
    });
    const page = await context.newPage();
    const errors = consoleErrors(page);

    const said: string[] = [];
    for (const email of [fresh, taken.user.email]) {
      await page.goto('/signup');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('a sturdy passphrase');
      await page.getByRole('button', { name: 'Create account' }).tap();
      const status = page.getByRole('status');
      await expect.poll(() => status.textContent()).toContain(`We sent a mail to ${email}.`);
      said.push((await status.textContent())!.replace(email, '<address>'));
      if (email === fresh) await screenshot(page, 'signup-mailed-phone');
    }
    expect(said[1]).toBe(said[0]);
    await expect.poll(() => inbox.mails.filter((m) => m.to.includes(taken.user.email)).length).toBe(2);
    expect(mailText(inbox.mails.filter((m) => m.to.includes(taken.user.email)).at(-1)!)).toMatch(/already has one/);

    const link = await linkInMail(inbox, fresh, '/confirm-signup');
    await page.goto(`${link.pathname}${link.search}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Finish creating your account');
    await screenshot(page, 'signup-confirm-phone');
    await page.getByRole('button', { name: 'Create my account' }).tap();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/onboarding');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a desktop: a signed-out visit to any public page logs no console error; a link without its token says so', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: backend.node.url });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    const pages: [string, string][] = [
      ['/', 'Welcome back'],
      ['/signup', 'Create your account'],
      ['/forgot-password', 'Forgot your password?'],
      ['/confirm-signup', 'This link is incomplete'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    }
    await screenshot(page, 'signup-link-incomplete-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });
});
