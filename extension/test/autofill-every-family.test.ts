// Autofill on each practice family's form (issue 13, point 5, "Prove it"): the user opens the
// form, does by hand what comes before it (an iCIMS email step, a Workday account), clicks the
// button, and every field the profile answers holds the profile's value while nothing was sent to
// the ATS. The values are read where the ATS reads them: the user then submits and the practice
// ATS's record is checked against its answer key; Workday's wizard is checked on its first step,
// read from the page (its submit is four steps later).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCOUNT, PROFILE } from '@jobswipe/automations/testing/applicant';
import {
  checkSubmission,
  type FieldSpec,
  formSpec,
  type PracticeJob,
  type RecordedSubmission,
} from '@jobswipe/practice-ats';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { autofillButton, fillByButton } from './support/autofill-button.ts';
import { pairByCode } from './support/pairing.ts';
import { extensionSession } from './support/session.ts';
import { STEP_MS, within } from './support/within.ts';
import { practiceApplicant, practicePostings } from './support/world.ts';

/** One form of each family of the tuned practice set (Greenhouse's classic and React boards both). */
const FORMS = practicePostings([
  'greenhouse/4012345',
  'greenhouse/5123001',
  'lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31',
  'ashby/3b8e6f1a-7c2d-4e9b-a5f0-6d1c8b2e4a97',
  'workday/R-10234',
  'smartrecruiters/744000012345678',
  'icims/1042',
  'workable/B7C1D2E3F4',
  'careers/data-engineer',
]);

const s = extensionSession();

/** The frame a control is in (iCIMS frames its form), once it is there. */
async function frameWith(page: Page, selector: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(
      async () => {
        for (const frame of page.frames()) {
          if (
            await frame
              .locator(selector)
              .count()
              .catch(() => 0)
          )
            found = frame;
        }
        return found !== undefined;
      },
      { timeout: STEP_MS },
    )
    .toBe(true);
  return found!;
}

/** What the user does by hand before the form the autofill fills. */
const BEFORE_THE_FORM: Partial<Record<PracticeJob['ats'], (page: Page) => Promise<void>>> = {
  async icims(page) {
    const frame = await frameWith(page, '#enterEmailSubmitButton');
    await frame.locator('#email').fill(PROFILE.email, { timeout: STEP_MS });
    await frame.locator('#enterEmailSubmitButton').click({ timeout: STEP_MS });
    await frameWith(page, '#cp_form');
  },
  async workday(page) {
    const at = (id: string) => page.locator(`[data-automation-id="${id}"]`);
    await at('adventureButton').click({ timeout: STEP_MS });
    await at('applyManually').click({ timeout: STEP_MS });
    await at('email').fill(PROFILE.email, { timeout: STEP_MS });
    await at('password').fill(ACCOUNT.password, { timeout: STEP_MS });
    await at('verifyPassword').fill(ACCOUNT.password, { timeout: STEP_MS });
    await at('createAccountCheckbox').check({ timeout: STEP_MS });
    await at('createAccountSubmitButton').click({ timeout: STEP_MS });
    await page.getByRole('heading', { name: 'My Information' }).waitFor({ timeout: STEP_MS });
  },
};

/** What a control shows, read as the ATS reads it: a field's value, a select's option, a dropdown's text, the checked radio. */
function shownValue(frame: Frame, field: FieldSpec): Promise<string | string[]> {
  return within(
    `reading ${field.name}`,
    frame.locator('body').evaluate(
      (_body, { id, name }) => {
        const el = document.getElementById(id);
        if (el instanceof HTMLSelectElement) return [...el.selectedOptions].map((o) => o.value);
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value;
        if (el) return (el.textContent ?? '').trim();
        const checked = document.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`);
        return [...checked].map((i) => i.value).join(',');
      },
      { id: field.id, name: field.name },
    ),
  );
}

/**
 * The user's own submit: a mouse click on the form's submit button, in whichever frame holds it
 * (the autofill's panel folded itself away after the fill); then, when the ATS's answer sends the
 * frame to a confirmation page (a redirect, or a script's `location.assign`), until that page has
 * loaded. The ATS records the submit before it answers, and Chromium drops a tab's close that comes
 * while a navigation is under way: page.close then never returns.
 */
async function submitByHand(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const submit = frame.getByRole('button', { name: /^submit/i });
    if (!(await submit.count())) continue;
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.frame() === frame, {
      timeout: STEP_MS,
    });
    await submit.first().click({ timeout: STEP_MS });
    const answer = await answered;
    const next = answer.request().isNavigationRequest()
      ? answer.headers().location
      : ((await answer.json().catch(() => ({}))) as { redirect?: string }).redirect;
    if (next) await frame.waitForURL(new URL(next, answer.url()).href, { waitUntil: 'load', timeout: STEP_MS });
    return;
  }
  throw new Error('no submit button on the page');
}

describe('autofill on every practice family', () => {
  it.each(FORMS.map((p) => [`${p.ats}/${p.externalId}`, p] as const))(
    '%s: fills every field the profile answers and sends nothing',
    async (_name, posting) => {
      const spec = formSpec(posting.ats, posting.externalId);
      const user = await practiceApplicant(s.world, [posting]);
      await pairByCode(s.browser, s.world.backend.node.url, user.api);
      const page = await within('opening a tab', s.browser.context.newPage());
      await page.goto(s.world.jobOf(posting).applyUrl, { timeout: STEP_MS });
      await BEFORE_THE_FORM[posting.ats]?.(page);
      const before = s.world.ats.requests.list().length;

      await fillByButton(page);
      const sent = s.world.ats.requests
        .list()
        .slice(before)
        .filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
      expect(sent).toEqual([]);
      expect(s.world.ats.submissions.list({ ats: posting.ats, jobId: posting.externalId })).toEqual([]);

      // Workday: the first step's fields, read from the page; elsewhere what the user's submit records.
      const fromProfile = spec.fields.filter(
        (f) => f.asks.kind === 'profile' && (posting.ats !== 'workday' || f.section === spec.fields[0]?.section),
      );
      let recorded: RecordedSubmission;
      if (posting.ats === 'workday') {
        const fields: RecordedSubmission['fields'] = {};
        for (const f of fromProfile) fields[f.name] = await shownValue(page.mainFrame(), f);
        recorded = { fields, files: [] };
      } else {
        await submitByHand(page);
        const submissions = () => s.world.ats.submissions.list({ ats: posting.ats, jobId: posting.externalId });
        await expect.poll(() => submissions().length, { timeout: STEP_MS }).toBe(1);
        recorded = submissions()[0]!;
      }
      const wrong = checkSubmission(spec, recorded, PROFILE).filter((m) => fromProfile.some((f) => f.name === m.field));
      expect(wrong).toEqual([]);
      await within('closing the tab', page.close());
    },
  );
});

describe('a form in another site’s frame', () => {
  it('offers the button in the frame holding the form, not on the page around it, and fills it there', async () => {
    const [posting] = practicePostings(['lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31']);
    const user = await practiceApplicant(s.world, [posting!]);
    await pairByCode(s.browser, s.world.backend.node.url, user.api);
    // A company's page (127.0.0.1) framing the ATS's form from another site (localhost).
    const form = Object.assign(new URL(s.world.jobOf(posting!).applyUrl), { hostname: 'localhost' }).href;
    const company = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!doctype html><title>Careers</title><h1>Join us</h1><iframe id="ats" src="${form}" width="900" height="1400"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => company.listen(0, '127.0.0.1', resolve));
    try {
      const page = await within('opening a tab', s.browser.context.newPage());
      await page.setViewportSize({ width: 1000, height: 1600 });
      await page.goto(`http://127.0.0.1:${(company.address() as AddressInfo).port}/careers`, { timeout: STEP_MS });
      const frame = await (await page.locator('#ats').elementHandle({ timeout: STEP_MS }))!.contentFrame();
      await frame!.locator('input[name="email"]').waitFor({ timeout: STEP_MS });
      const before = s.world.ats.requests.list().length;

      const inFrame = await autofillButton(page, frame!);
      await expect.poll(() => inFrame.shown(), { timeout: STEP_MS }).toBe(true);
      expect(await (await autofillButton(page)).shown()).toBe(false);
      await inFrame.click();
      await expect
        .poll(() => inFrame.text(), { timeout: STEP_MS })
        .toContain('Check the form, then submit it yourself');
      expect(await frame!.locator('input[name="email"]').inputValue({ timeout: STEP_MS })).toBe(PROFILE.email);
      expect(await frame!.locator('input[name="name"]').inputValue({ timeout: STEP_MS })).toBe(
        `${PROFILE.firstName} ${PROFILE.lastName}`,
      );
      expect(
        s.world.ats.requests
          .list()
          .slice(before)
          .filter((r) => r.method === 'POST'),
      ).toEqual([]);
      await within('closing the tab', page.close());
    } finally {
      // Chromium keeps its connection alive: closed here, not after the server's idle timeout.
      company.closeAllConnections();
      await new Promise((resolve) => company.close(resolve));
    }
  });
});
