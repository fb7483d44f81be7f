// The applications tracker in Chromium against a real backend: counts per view, search, sort and
// a view kept in the address; the user's stage (after submission) with its history and notes; the
// Applications tab's badge when something needs the user, live; cancel asks first. Phone (touch)
// and desktop sizes.

import type { Api } from '@jobswipe/backend/testing/api';
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { finishAs } from '@jobswipe/backend/testing/transitions';
import type { SwipeResponse } from '@jobswipe/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, screenshot, signedInContext, startBackend } from './support/browser.ts';

let backend: TestBackend;
let browser: Browser;

beforeAll(async () => {
  [backend, browser] = await Promise.all([
    startBackend({ SWIPE_RATE_LIMIT: '100000', UNDO_GRACE_MS: '0' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
});

const prisma = () => backend.node.ctx.db.prisma;

async function applyTo(api: Api, title: string, company: string): Promise<string> {
  const [job] = await createJobs(prisma(), 1, { title, company });
  const res = await api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  return res.body.application!.id;
}

/** As an executor would: claimed, then submitted under its lease. */
const submit = (applicationId: string) =>
  finishAs(backend.node.ctx, applicationId, { name: 'submit', to: 'SUBMITTED' });

/** As an executor would: its attempt stopped on a question only the user can answer. */
const needsAnswer = (applicationId: string) =>
  finishAs(backend.node.ctx, applicationId, {
    name: 'fail',
    to: 'NEEDS_ATTENTION',
    questions: [{ key: 'earliest start date', label: 'Earliest start date', type: 'text', required: true }],
  });

const rows = (page: Page) => page.getByTestId('application-row');
const titles = (page: Page) => page.locator('[data-testid="application-row"] .app-title').allTextContents();
const chip = (page: Page, name: RegExp) => page.locator('.chips').first().getByRole('button', { name });

describe('the tracker', () => {
  it('counts, searches, sorts and filters; a stage with its history and notes; the view survives a reload', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    const globex = await applyTo(user.api, 'Frontend Engineer', 'Globex');
    const acme = await applyTo(user.api, 'Platform Engineer', 'Acme');
    await applyTo(user.api, 'Data Engineer', 'Initech');
    await submit(globex);
    await submit(acme);

    await page.goto('/applications');
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await chip(page, /^All/).textContent()).toBe('All 3');
    expect(await chip(page, /^Submitted/).textContent()).toBe('Submitted 2');
    expect(await chip(page, /^In progress/).textContent()).toBe('In progress 1');

    await page.getByRole('searchbox', { name: 'Search applications' }).fill('globex');
    await expect.poll(() => titles(page)).toEqual(['Frontend Engineer']);
    await page.getByRole('searchbox', { name: 'Search applications' }).fill('');
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByLabel('Sort').selectOption('company');
    await expect.poll(() => titles(page)).toEqual(['Platform Engineer', 'Frontend Engineer', 'Data Engineer']);

    // Globex calls back: the stage is set on its page, with notes.
    await rows(page).filter({ hasText: 'Frontend Engineer' }).getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Frontend Engineer');
    const stages = page.getByRole('group', { name: 'Stage with the employer' });
    await stages.getByRole('button', { name: 'Screening' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Stage set to Screening.' }).count()).toBe(1);
    await stages.getByRole('button', { name: 'Interview' }).click();
    await expect
      .poll(() => stages.getByRole('button', { name: 'Interview' }).getAttribute('aria-pressed'))
      .toBe('true');
    const history = page.getByRole('list', { name: 'Stage history' });
    await expect
      .poll(() => history.locator('li').allTextContents())
      .toEqual([expect.stringContaining('Screening → Interview'), expect.stringContaining('Submitted → Screening')]);
    await page.getByLabel('Your notes').fill('Panel interview Tuesday 10:00 with Dana');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Notes saved.' }).count()).toBe(1);
    await screenshot(page, 'tracker-detail-desktop', { fullPage: true });
    const track = await prisma().applicationTrack.findUniqueOrThrow({ where: { applicationId: globex } });
    expect(track).toMatchObject({ stage: 'interview', notes: 'Panel interview Tuesday 10:00 with Dana' });
    expect((await prisma().application.findUniqueOrThrow({ where: { id: globex } })).status).toBe('SUBMITTED');

    await page.getByRole('link', { name: '← Applications' }).click();
    await chip(page, /^Interview/).click();
    await expect.poll(() => titles(page)).toEqual(['Frontend Engineer']);
    expect(await chip(page, /^Interview/).textContent()).toBe('Interview 1');
    expect(await rows(page).first().textContent()).toContain('Panel interview Tuesday');
    await page.getByRole('searchbox', { name: 'Search applications' }).fill('dana');
    await expect.poll(() => page.url()).toContain('q=dana');
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Frontend Engineer']);
    expect(await chip(page, /^Interview/).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('searchbox', { name: 'Search applications' }).inputValue()).toBe('dana');
    await screenshot(page, 'tracker-desktop');
    await context.close();
  });

  it('on a phone: the tab shows what needs the user, live, and cancelling asks first', async () => {
    const { context, page, user } = await signedInContext(browser, backend, PHONE, { hasTouch: true, isMobile: true });
    const waiting = await applyTo(user.api, 'Backend Engineer', 'Hooli');
    const queued = await applyTo(user.api, 'QA Engineer', 'Soylent');
    await createJobs(prisma(), 2);
    await page.goto('/');
    await expect.poll(() => page.locator('.card-top').count()).toBe(1);
    const badge = page.getByRole('link', { name: /^Applications/ }).getByTestId('needs-you-badge');
    expect(await badge.count()).toBe(0);

    await needsAnswer(waiting);
    await expect.poll(() => badge.textContent()).toBe('1 needs you');
    await screenshot(page, 'tracker-badge-phone');

    await page.getByRole('link', { name: /^Applications/ }).tap();
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await chip(page, /^Needs you/).textContent()).toBe('Needs you 1');
    await screenshot(page, 'tracker-phone', { fullPage: true });

    await page.goto(`/applications/${queued}`);
    await page.getByRole('button', { name: 'Cancel application' }).tap();
    const ask = page.getByRole('alert').filter({ hasText: 'Cancel your application to QA Engineer at Soylent?' });
    await screenshot(page, 'cancel-confirm-phone');
    await ask.getByRole('button', { name: 'Keep it' }).tap();
    expect((await prisma().application.findUniqueOrThrow({ where: { id: queued } })).status).toBe('QUEUED');
    await page.getByRole('button', { name: 'Cancel application' }).tap();
    await ask.getByRole('button', { name: 'Yes, cancel it' }).tap();
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id: queued } })).status)
      .toBe('CANCELLED');
    // A stage waits for the submission.
    expect(await page.getByRole('group', { name: 'Stage with the employer' }).count()).toBe(0);
    expect(await page.getByText('Once it is submitted, you can follow it here').count()).toBe(1);
    await context.close();
  });
});
