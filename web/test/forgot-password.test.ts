// "Forgot password" in Chromium against a real backend that mails through a real SMTP server on
// loopback: the link arrives at the account's address only, sets a new password once, and ends
// the old sign-ins; the page answers the same for an address without an account.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { mailText, type SmtpInbox, signUpByMail, startSmtpInbox } from '@jobswipe/backend/testing/smtp-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE, screenshot, startBackend } from './support/browser.ts';

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

/** The reset link in a mail. */
function linkIn(text: string): URL {
  const match = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(text);
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return new URL(match[0]);
}

describe('forgot password', () => {
  it('mails a one-time link that sets a new password and signs out the old sessions', async () => {
    const user = await signUpByMail(backend.api, inbox);
    const before = inbox.mails.length;
    const context = await browser.newContext({ viewport: PHONE, baseURL: backend.node.url });
    const page = await context.newPage();

    // An address without an account gets the same answer, and no mail.
    for (const email of ['nobody-here@example.com', user.user.email]) {
      await page.goto('/signin');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe(`If an account uses ${email}, a link to choose a new password is on its way. It works for an hour.`);
    }
    await screenshot(page, 'forgot-password-sent-phone');
    await expect.poll(() => inbox.mails.length).toBe(before + 1);
    const mail = inbox.mails[before];
    expect(mail?.to).toEqual([user.user.email]);
    expect(mail?.raw).toMatch(/^From: JobSwipe <no-reply@jobswipe\.test>/m);

    const link = linkIn(mailText(mail!));
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Password changed');

    // The old sign-in is over; the old password is refused and the new one works.
    const refresh = await backend.api.post('/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(refresh.status).toBe(401);
    const old = await backend.api.post('/v1/auth/login', { email: user.user.email, password: user.password });
    expect(old.status).toBe(401);
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Email').fill(user.user.email);
    await page.getByLabel('Password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);

    // The link works once.
    const again = await backend.api.post('/v1/auth/password/reset', {
      token: link.searchParams.get('token'),
      password: 'yet another passphrase',
    });
    expect(again.status).toBe(400);
    expect((again.body as { error: { message: string } }).error.message).toMatch(/already used or expired/);
    await context.close();
  });
});
