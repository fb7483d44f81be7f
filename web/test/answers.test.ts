// The saved answers and profile page in Chromium against a real backend: every saved answer and
// profile field the engine uses, where each was used, the one a form refused flagged, and each
// edited or deleted in place. Phone (touch) and desktop sizes.

import type { Api } from '@jobswipe/backend/testing/api';
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import type { AnswersView, FilledField, SwipeResponse } from '@jobswipe/protocol';
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

/** An application whose attempt ended in `status` after filling `filled`, as an executor's report leaves it. */
async function attempted(
  api: Api,
  company: string,
  filled: FilledField[],
  status: 'SUBMITTED' | 'FAILED',
  lastError: string | null = null,
) {
  const [job] = await createJobs(prisma(), 1, { company, title: `Engineer at ${company}` });
  const res = await api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
  const id = res.body.application!.id;
  await prisma().application.update({ where: { id }, data: { status, filled, lastError } });
  return id;
}

/** A user with two saved answers and a profile, one answer refused by the last form that used it. */
async function userWithAnswers(api: Api) {
  await api.put('/v1/profile', { firstName: 'Ada', lastName: 'Lovelace', links: { github: 'https://github.com/ada' } });
  const saved = await api.put<AnswersView>('/v1/profile/answers', {
    answers: [
      { question: 'How many years of experience do you have?', answer: 'five' },
      { question: 'Are you willing to travel?', answer: true },
    ],
  });
  const years = saved.body.answers.find((a) => a.question.startsWith('How many'))!;
  const used: FilledField = {
    field: 'Years of experience',
    value: 'five',
    source: 'answer',
    ref: `answer:${years.questionKey}`,
  };
  const name: FilledField = { field: 'First name', value: 'Ada', source: 'profile', ref: 'profile.firstName' };
  await attempted(api, 'Globex', [name, used], 'SUBMITTED');
  const refused = await attempted(
    api,
    'Initech',
    [name, used],
    'FAILED',
    'The form refused the application: Years of experience must be a number',
  );
  return { years, refused };
}

const item = (page: Page, title: string) =>
  page.getByTestId('answer-item').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

describe('your answers', () => {
  it('lists answers and profile with where each was used, flags the refused one, edits and deletes', async () => {
    const { context, page, user } = await signedInContext(browser, backend, DESKTOP);
    const { years, refused } = await userWithAnswers(user.api);
    await page.goto('/');
    await page.getByRole('link', { name: 'Answers' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your answers');

    const yearsItem = item(page, years.question);
    await expect
      .poll(() => yearsItem.getByTestId('refused').textContent())
      .toContain('Years of experience must be a number');
    expect(await page.getByRole('status').filter({ hasText: 'A form refused one of your answers' }).count()).toBe(1);
    expect(await item(page, 'Are you willing to travel?').getByTestId('refused').count()).toBe(0);
    await yearsItem.getByText('Used in 2 applications').click();
    expect(await yearsItem.getByRole('link', { name: 'Engineer at Initech at Initech' }).getAttribute('href')).toBe(
      `/applications/${refused}`,
    );
    const first = item(page, 'First name');
    expect(await first.textContent()).toContain('Ada');
    expect(await first.textContent()).toContain('Used in 2 applications');
    await screenshot(page, 'answers-desktop', { fullPage: true });

    // Fix the refused answer: a number the form takes.
    await yearsItem.getByRole('button', { name: `Edit ${years.question}` }).click();
    await yearsItem.getByLabel(years.question).fill('5');
    await yearsItem.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => yearsItem.locator('.answer-value').textContent()).toBe('5');
    const stored = await prisma().savedAnswer.findUniqueOrThrow({
      where: { userId_questionKey: { userId: user.user.id, questionKey: years.questionKey } },
    });
    expect(stored.answer).toBe('5');

    await item(page, 'Are you willing to travel?')
      .getByRole('button', { name: 'Delete Are you willing to travel?' })
      .click();
    await expect.poll(() => item(page, 'Are you willing to travel?').count()).toBe(0);
    expect(await prisma().savedAnswer.count({ where: { userId: user.user.id } })).toBe(1);

    // Profile fields: edited and deleted in place, the rest of their group kept.
    await first.getByRole('button', { name: 'Edit First name' }).click();
    await first.getByLabel('First name').fill('Adaline');
    await first.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => first.locator('.answer-value').textContent()).toBe('Adaline');
    await item(page, 'GitHub').getByRole('button', { name: 'Delete GitHub' }).click();
    await expect.poll(() => item(page, 'GitHub').locator('.answer-value').textContent()).toBe('Not set');
    // A field that is not set offers nothing to delete.
    expect(await item(page, 'GitHub').getByRole('button', { name: 'Delete GitHub' }).count()).toBe(0);
    const profile = await prisma().profile.findUniqueOrThrow({ where: { userId: user.user.id } });
    expect(profile).toMatchObject({ firstName: 'Adaline', lastName: 'Lovelace' });
    expect(profile.links).toEqual({});
    await context.close();
  });

  it('on a phone: sets a yes/no profile field by touch', async () => {
    const { context, page, user } = await signedInContext(browser, backend, PHONE, { hasTouch: true, isMobile: true });
    await userWithAnswers(user.api);
    await page.goto('/answers');
    const relocate = item(page, 'Willing to relocate');
    await expect.poll(() => relocate.locator('.answer-value').textContent()).toBe('Not set');
    await screenshot(page, 'answers-phone');
    await relocate.getByRole('button', { name: 'Edit Willing to relocate' }).tap();
    await relocate.getByLabel('Willing to relocate').selectOption('yes');
    await relocate.getByRole('button', { name: 'Save' }).tap();
    await expect.poll(() => relocate.locator('.answer-value').textContent()).toBe('Yes');
    expect((await prisma().profile.findUniqueOrThrow({ where: { userId: user.user.id } })).willingToRelocate).toBe(
      true,
    );
    await context.close();
  });
});
