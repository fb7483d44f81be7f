// A new job seeker in Chromium against a real backend: sign up, onboarding step by step (kept
// when they leave halfway), resume upload with validation, sign out and back in.

import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { minimalPdf } from '@jobswipe/backend/testing/documents';
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

describe('sign up and onboarding', () => {
  it('signs up, saves each onboarding step, resumes after a reload, uploads a resume, signs out and in', async () => {
    const context = await browser.newContext({ viewport: PHONE, baseURL: backend.node.url });
    const page = await context.newPage();
    const email = `onboard${Date.now()}@example.com`;
    const password = 'correct horse battery';

    await page.goto('/');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('About you');
    await screenshot(page, 'onboarding-phone');

    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Phone').fill('+44 20 7946 0000');
    await page.getByLabel('City').fill('London');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Links');
    await page.getByLabel('LinkedIn').fill('https://www.linkedin.com/in/ada');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Work authorization');

    // Leaving halfway keeps what was entered and the place.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Work authorization');
    const user = await backend.node.ctx.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const saved = await backend.node.ctx.db.prisma.profile.findUniqueOrThrow({ where: { userId: user.id } });
    expect(saved).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', onboardingStep: 2 });

    await page.getByLabel('Countries where you may work').fill('United Kingdom, Ireland');
    await page.getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByLabel('Expected salary').fill('95000');
    await page.getByLabel('Currency').fill('GBP');
    await page.getByLabel('Notice period').fill('4 weeks');
    await page.getByLabel('Earliest start date').fill('2027-03-01');
    await page.getByRole('group', { name: 'Are you willing to relocate?' }).getByRole('radio', { name: 'No' }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Voluntary questions');
    await page.getByLabel('Gender').selectOption('decline');
    await page.getByLabel('Veteran status').selectOption('I am not a protected veteran');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Resume');

    // A file that is not a resume is refused here with the way out; a PDF goes through.
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not a PDF or Word (.docx) file');
    const cv = minimalPdf(['Ada Lovelace', 'Experience', 'Engineer at Analytical Engines Ltd  Jun 2019 - Present']);
    await input.setInputFiles({ name: 'Ada Lovelace CV.pdf', mimeType: 'application/pdf', buffer: cv });
    await expect.poll(() => page.getByTestId('resume-current').textContent()).toContain('Ada Lovelace CV.pdf');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // The work history read from that resume, corrected by the user and confirmed.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Experience');
    const job = page.getByRole('group', { name: 'Job 1' });
    await expect.poll(() => job.getByLabel('Company').inputValue()).toBe('Analytical Engines Ltd');
    await job.getByLabel('Title').fill('Senior Engineer');
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');

    const profile = await backend.node.ctx.db.prisma.profile.findUniqueOrThrow({ where: { userId: user.id } });
    expect(profile).toMatchObject({ onboardingStep: 7, noticePeriod: '4 weeks', willingToRelocate: false });
    expect(profile.earliestStartDate?.toISOString().slice(0, 10)).toBe('2027-03-01');
    expect(profile.workHistory).toEqual([
      { company: 'Analytical Engines Ltd', title: 'Senior Engineer', start: '2019-06', current: true },
    ]);
    expect(profile.workAuthorization).toMatchObject({
      authorizedCountries: ['United Kingdom', 'Ireland'],
      requiresSponsorship: false,
    });
    expect(profile.salaryExpectation).toEqual({ amount: 95000, currency: 'GBP', period: 'year' });
    expect(profile.eeo).toMatchObject({ gender: 'decline', veteran: 'I am not a protected veteran' });
    expect(await backend.node.ctx.db.prisma.resume.count({ where: { userId: user.id } })).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome back');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await context.close();
  });

  it('keeps one width through every onboarding step on a desktop', async () => {
    const { context, page } = await signedInContext(browser, backend, DESKTOP);
    await page.goto('/onboarding');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    const widths = new Set<number>();
    for (const step of ['About you', 'Links', 'Work authorization', 'Preferences', 'Voluntary questions', 'Resume']) {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(step);
      widths.add(await page.locator('main').evaluate((el) => el.getBoundingClientRect().width));
      if (step !== 'Resume') await page.getByRole('button', { name: 'Save and continue' }).click();
    }
    expect([...widths]).toHaveLength(1);
    await context.close();
  });

  it('shows the sign-in page to a visitor without a session, at desktop size too', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: backend.node.url });
    const page = await context.newPage();
    await page.goto('/applications');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome back');
    await screenshot(page, 'sign-in-desktop');
    await context.close();
  });
});
