// "Review drafted answers before submitting" on the web, in Chromium against a real backend: the
// setting is a toggle on the plan page, saved for the user; an application a run stopped before its
// submit shows each drafted answer filled in, and keeping it sends it as the user's answer and
// queues the application again. (The run itself, through the server worker and the model stand-in,
// is in backend/test/worker/model-fallback.test.ts.)
import { createJobs } from '@jobswipe/backend/testing/factories';
import { finishAs } from '@jobswipe/backend/testing/transitions';
import type { SwipeResponse } from '@jobswipe/protocol';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, signedInContext, webWorld } from './support/browser.ts';
import { horizontalOverflow, seriousA11yViolations } from './support/page-checks.ts';

const ESSAY = 'What project are you most proud of, and why?';
const DRAFT = 'A form filler that never gives a wrong answer: it asks instead.';

const world = webWorld();
const prisma = () => world.backend.node.ctx.db.prisma;

describe('reviewing drafted answers', () => {
  it('is a toggle on the plan page, saved for the user', async () => {
    const { context, page, user } = await signedInContext(world.browser, world.backend, DESKTOP);
    await page.goto('/plan');
    // The plan's model tokens, written as the reader's language writes numbers.
    await expect.poll(() => page.getByText('0 / 150,000').count()).toBe(1);
    const toggle = page.getByRole('checkbox', { name: /Review drafted answers before submitting/ });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect
      .poll(async () => (await prisma().user.findUniqueOrThrow({ where: { id: user.user.id } })).reviewDrafts)
      .toBe(true);
    await page.reload();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect
      .poll(async () => (await prisma().user.findUniqueOrThrow({ where: { id: user.user.id } })).reviewDrafts)
      .toBe(false);
    await context.close();
  });

  it('on a phone, shows the draft filled in; kept, it is sent as the user’s answer and the application is queued', async () => {
    const { context, page, user } = await signedInContext(world.browser, world.backend, PHONE, {
      hasTouch: true,
      isMobile: true,
    });
    const [job] = await createJobs(prisma(), 1);
    const swiped = await user.api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
    const id = swiped.body.application!.id;
    // Where a run with the setting on stops: before the submit, the model's draft handed back.
    await finishAs(world.backend.node.ctx, id, {
      name: 'fail',
      to: 'NEEDS_ATTENTION',
      questions: [
        {
          key: 'what project are you most proud of and why',
          label: ESSAY,
          type: 'textarea',
          required: true,
          draft: DRAFT,
        },
      ],
    });

    await page.goto(`/applications/${id}`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Review the answers the model drafted' }).count())
      .toBe(1);
    const essay = page.getByLabel(new RegExp(`^${ESSAY.replace('?', '\\?')} — drafted by the model`));
    expect(await essay.inputValue()).toBe(DRAFT);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'review-drafts-phone');

    await page.getByRole('button', { name: 'Use these answers and apply' }).tap();
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status)
      .toBe('QUEUED');
    const saved = await prisma().savedAnswer.findMany({ where: { userId: user.user.id } });
    expect(saved.map((a) => [a.question, a.answer])).toEqual([[ESSAY, DRAFT]]);
    await context.close();
  });
});
