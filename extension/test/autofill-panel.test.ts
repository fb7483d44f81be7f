// The autofill panel never stands between the user and the form (a phone-width window, 360 px):
// the form's submit button, scrolled under the panel's corner, is out of reach of the mouse until
// the panel folds away, which it does by itself after a fill, or when the user folds it (the site
// then keeps it folded); a keyboard user's focus on a control under it moves it aside.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { autofillButton, type Box } from './support/autofill-button.ts';
import { pairByCode } from './support/pairing.ts';
import { extensionSession } from './support/session.ts';
import { STEP_MS, within } from './support/within.ts';
import { practiceApplicant, practicePostings } from './support/world.ts';

const s = extensionSession();
const [POSTING] = practicePostings(['lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31']);
const submitOf = (page: Page) => page.getByRole('button', { name: /^submit application/i });

/** The tab on the form at phone width, once the panel shows; the panel, for what follows. */
async function openForm(
  hostname = '127.0.0.1',
): Promise<{ page: Page; panel: Awaited<ReturnType<typeof autofillButton>> }> {
  const page = await within('opening a tab', s.browser.context.newPage());
  await page.setViewportSize({ width: 360, height: 640 });
  const url = Object.assign(new URL(s.world.jobOf(POSTING!).applyUrl), { hostname });
  await page.goto(url.href, { timeout: STEP_MS });
  const panel = await autofillButton(page);
  await expect.poll(() => panel.shown(), { timeout: STEP_MS }).toBe(true);
  return { page, panel };
}

/**
 * Scrolls the page as the user does until the submit button's middle is level with `under`'s,
 * and returns the middle of the part of the button that `under` overlaps.
 */
async function scrollSubmitUnder(page: Page, under: Box): Promise<{ x: number; y: number }> {
  const submit = await submitOf(page).boundingBox({ timeout: STEP_MS });
  if (!submit) throw new Error('the submit button is not drawn');
  const by = submit.y + submit.height / 2 - (under.y + under.height / 2);
  await within(
    'scrolling',
    page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), by),
  );
  const moved = (await submitOf(page).boundingBox({ timeout: STEP_MS }))!;
  const left = Math.max(moved.x, under.x);
  const right = Math.min(moved.x + moved.width, under.x + under.width);
  const top = Math.max(moved.y, under.y);
  const bottom = Math.min(moved.y + moved.height, under.y + under.height);
  expect(right - left, 'the button and the panel overlap across').toBeGreaterThan(4);
  expect(bottom - top, 'the button and the panel overlap down').toBeGreaterThan(4);
  return { x: (left + right) / 2, y: (top + bottom) / 2 };
}

/** What the mouse reaches at a point: the panel (the page sees its host), the submit button, or else. */
function reached(page: Page, at: { x: number; y: number }): Promise<string> {
  return within(
    'hit-testing',
    page.evaluate(({ x, y }) => {
      const hit = document.elementFromPoint(x, y);
      if (hit?.localName === 'jobswipe-autofill') return 'panel';
      return hit?.closest('button')?.textContent?.trim() ?? hit?.localName ?? 'nothing';
    }, at),
  );
}

/** The next document the tab loads has loaded (a close mid-navigation is lost in Chromium). */
function nextLoad(page: Page): Promise<unknown> {
  return page
    .waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: STEP_MS })
    .then(() => page.waitForLoadState('load', { timeout: STEP_MS }));
}

describe('the autofill panel at 360 px', () => {
  it('folds itself away after a fill: a mouse click reaches the submit button that lay under it', async () => {
    const user = await practiceApplicant(s.world, [POSTING!]);
    await pairByCode(s.browser, s.world.backend.node.url, user.api);
    const { page, panel } = await openForm();
    const fill = (await panel.bounds())!;
    expect(fill.x + fill.width, 'the panel fits the window').toBeLessThanOrEqual(360);
    let point = await scrollSubmitUnder(page, fill);
    expect(await reached(page, point)).toBe('panel');

    await panel.click();
    await expect.poll(() => panel.text(), { timeout: STEP_MS }).toContain('Check the form, then submit it yourself');
    // Folded into a tab on the window's edge, the summary on it; the fill button is not drawn.
    expect(await panel.bounds()).toBeNull();
    const tab = (await panel.bounds(/^Show JobSwipe: filled \d+ fields/))!;
    expect(tab.x + tab.width).toBeLessThanOrEqual(360);
    // The fill may have scrolled the page: the user brings the button back where the panel was.
    point = await scrollSubmitUnder(page, fill);
    expect(await reached(page, point)).toMatch(/^submit application/i);

    const loaded = nextLoad(page);
    await within('clicking submit', page.mouse.click(point.x, point.y));
    await loaded;
    expect(s.world.ats.submissions.list({ ats: POSTING!.ats, jobId: POSTING!.externalId })).toHaveLength(1);
    await expect.poll(() => panel.text(), { timeout: STEP_MS }).toContain('Recorded on JobSwipe: applied by hand.');
    await within('closing the tab', page.close());
  });

  it('folds when the user folds it, and stays folded on that site', async () => {
    const user = await practiceApplicant(s.world, [POSTING!]);
    await pairByCode(s.browser, s.world.backend.node.url, user.api);
    const { page, panel } = await openForm();
    const fill = (await panel.bounds())!;
    const point = await scrollSubmitUnder(page, fill);
    expect(await reached(page, point)).toBe('panel');

    await panel.click('Minimise JobSwipe');
    expect(await panel.bounds()).toBeNull();
    expect(await reached(page, point)).toMatch(/^submit application/i);
    // The click reaches the form: it is sent (empty, the ATS answers with its errors).
    const before = s.world.ats.requests.list().length;
    const loaded = nextLoad(page);
    await within('clicking submit', page.mouse.click(point.x, point.y));
    await loaded;
    expect(
      s.world.ats.requests
        .list()
        .slice(before)
        .filter((r) => r.method === 'POST'),
    ).toHaveLength(1);
    await within('closing the tab', page.close());

    // The site's next page: the panel starts folded; the user unfolds it from its tab.
    const again = await openForm();
    expect(await again.panel.bounds()).toBeNull();
    await again.panel.click('Show JobSwipe autofill');
    expect(await again.panel.bounds()).not.toBeNull();
    await within('closing the tab', again.page.close());
  });

  it('moves aside from the control a keyboard user focuses under it', async () => {
    const user = await practiceApplicant(s.world, [POSTING!]);
    await pairByCode(s.browser, s.world.backend.node.url, user.api);
    // Another site than the one the user folded the panel on: it shows unfolded there.
    const { page, panel } = await openForm('localhost');
    const fill = (await panel.bounds())!;
    const point = await scrollSubmitUnder(page, fill);
    expect(await reached(page, point)).toBe('panel');

    // Tab from the control before the submit button, as a keyboard user reaches it.
    const submit = submitOf(page);
    await within(
      'focusing the control before submit',
      submit.evaluate((button) => {
        const all = [...document.querySelectorAll<HTMLElement>('input,select,textarea,button')].filter((el) =>
          el.checkVisibility(),
        );
        all[all.indexOf(button as HTMLElement) - 1]!.focus({ preventScroll: true });
      }),
    );
    await within('pressing Tab', page.keyboard.press('Tab'));
    expect(await submit.evaluate((b) => b === document.activeElement, undefined, { timeout: STEP_MS })).toBe(true);
    expect(await reached(page, point)).toMatch(/^submit application/i);
    await within('closing the tab', page.close());
  });
});
