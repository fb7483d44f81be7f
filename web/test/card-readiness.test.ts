// What a card promises about its form (issue: questions before the swipe): "Ready to apply" when
// the profile answers every required question the form is known to ask, "Needs N answers" when it
// cannot (the questions named), "Not checked yet" when the form has not been read. Phone and desktop.
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { type FormQuestion, normalizeQuestion } from '@jobswipe/protocol';
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

const question = (label: string, type: FormQuestion['type']): FormQuestion => ({
  key: normalizeQuestion(label),
  label,
  type,
  required: true,
  hints: '',
  step: 0,
});

describe('a card says what its form still needs from the user', () => {
  for (const [size, viewport, options] of [
    ['desktop', DESKTOP, {}],
    ['phone', PHONE, { hasTouch: true, isMobile: true }],
  ] as const) {
    it(`ready, owed answers, or not checked yet, on a ${size}`, async () => {
      const { context, page, user } = await signedInContext(browser, backend, viewport, options);
      await user.api.put('/v1/profile', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
      const prisma = backend.node.ctx.db.prisma;
      // Newest first: owed on top, then ready, then never read; an hour newer than the jobs of the
      // test before, so none of those comes between them.
      const base = Date.now() + (size === 'phone' ? 2 : 1) * 3_600_000;
      await createJobs(prisma, 1, { title: `Unread ${size}`, postedAt: new Date(base + 1000) });
      const [ready] = await createJobs(prisma, 1, { title: `Ready ${size}`, postedAt: new Date(base + 2000) });
      const [owed] = await createJobs(prisma, 1, { title: `Owed ${size}`, postedAt: new Date(base + 3000) });
      const form = (questions: FormQuestion[]) => ({ source: 'board_api', complete: true, questions });
      await prisma.jobForm.create({
        data: { jobId: ready!.id, ...form([question('First Name', 'text'), question('Last Name', 'text')]) },
      });
      await prisma.jobForm.create({
        data: {
          jobId: owed!.id,
          ...form([
            question('First Name', 'text'),
            question('What would you build first in your first month here?', 'textarea'),
          ]),
        },
      });

      await page.goto('/');
      const top = page.locator('.card-top');
      const titleAndTag = async () => [
        await top.locator('.card-title').textContent(),
        await top.getByTestId('readiness').textContent(),
      ];
      const next = () =>
        size === 'phone' ? page.getByRole('button', { name: 'Pass' }).tap() : page.keyboard.press('ArrowLeft');

      await expect.poll(titleAndTag).toEqual([`Owed ${size}`, 'Needs 1 answer']);
      expect(await top.getByTestId('readiness').getAttribute('title')).toBe(
        'What would you build first in your first month here?',
      );
      await screenshot(page, `deck-readiness-${size}`);
      await next();
      await expect.poll(titleAndTag).toEqual([`Ready ${size}`, 'Ready to apply']);
      await next();
      await expect.poll(titleAndTag).toEqual([`Unread ${size}`, 'Not checked yet']);
      await context.close();
    });
  }
});
