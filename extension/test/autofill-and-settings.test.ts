// What the user meets outside the executor, in Chromium with the built extension against the
// practice ATS. Autofill on a form the user opens themselves (issue 13, point 5): the button the
// extension adds fills the form with the engine's in-page core and submits nothing; the user
// submits, and the application is recorded on the web once, as applied by hand; self-identification
// the user never gave is never picked. Permissions (point 7): the manifest asks for the ATS hosts
// and JobSwipe origins only, and a site outside them goes to the user at once with a button to
// allow it. The options page (point 6) works with the keyboard alone.
import { readFile } from 'node:fs/promises';
import { ATS_HOST_PATTERNS } from '@jobswipe/automations/detect/ats';
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { formSpec } from '@jobswipe/practice-ats';
import { type AnswersView, type ApplicationSummary, normalizeQuestion } from '@jobswipe/protocol';
import { EXTENSION_ID } from '@jobswipe/protocol/extension-link';
import { describe, expect, it } from 'vitest';
import { autofillButton, fillByButton } from './support/autofill-button.ts';
import { EXTENSION_DIR } from './support/chromium.ts';
import { pairByCode } from './support/pairing.ts';
import { extensionSession } from './support/session.ts';
import { STEP_MS, within } from './support/within.ts';
import { practiceApplicant, practicePostings, swipeRightOn } from './support/world.ts';

const s = extensionSession();

describe('autofill on a form the user opens', () => {
  it('fills the form and submits nothing; the user’s own submit shows on the web once, applied by hand', async () => {
    const [posting] = practicePostings(['lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31']);
    const user = await practiceApplicant(s.world, [posting!]);
    // This user never gave their self-identification: the autofill must not pick any for them.
    await user.api.put('/v1/profile', { ...PROFILE, eeo: {} });
    await pairByCode(s.browser, s.world.backend.node.url, user.api);
    const submissions = () => s.world.ats.submissions.list({ ats: posting!.ats, jobId: posting!.externalId });

    const page = await within('opening a tab', s.browser.context.newPage());
    await page.goto(s.world.jobOf(posting!).applyUrl, { timeout: STEP_MS });
    const button = await fillByButton(page);
    expect(await button.text()).toMatch(/Filled \d+ fields/);
    expect(await page.locator('input[name="email"]').inputValue({ timeout: STEP_MS })).toBe(PROFILE.email);
    // Never a self-identification the user did not give: at most the form's own "decline".
    const gender = page.locator('#eeo-gender');
    expect(await gender.inputValue({ timeout: STEP_MS })).toMatch(/^(|Decline To Self Identify)$/);
    expect(submissions()).toHaveLength(0);

    await page.getByRole('button', { name: /submit application/i }).click({ timeout: STEP_MS });
    const mine = async () =>
      (await user.api.get<{ items: ApplicationSummary[] }>('/v1/applications')).body.items.map((a) => ({
        jobId: a.jobId,
        status: a.status,
        byHand: a.byHand,
      }));
    await expect
      .poll(mine, { timeout: STEP_MS })
      .toEqual([{ jobId: s.world.jobOf(posting!).id, status: 'SUBMITTED', byHand: true }]);
    expect(submissions()).toHaveLength(1);
    expect(submissions()[0]!.fields['eeo[gender]'] ?? '').toMatch(/^(|Decline To Self Identify)$/);
    await expect.poll(() => button.text(), { timeout: STEP_MS }).toContain('Recorded on JobSwipe: applied by hand.');
  });
});

describe('answers the user types on a filled form', () => {
  it('offers to save them once the submit is confirmed, each by choice; never a sensitive one', async () => {
    const [posting] = practicePostings(['greenhouse/4012345']);
    const spec = formSpec(posting!.ats, posting!.externalId);
    const why = spec.fields.find((f) => f.label.startsWith('Why do you want to work'))!;
    // The user never answered "Why …?" and never gave their self-identification.
    const user = await practiceApplicant(s.world, [posting!], [why.label]);
    await user.api.put('/v1/profile', { ...PROFILE, eeo: {} });
    await pairByCode(s.browser, s.world.backend.node.url, user.api);

    const page = await within('opening a tab', s.browser.context.newPage());
    await page.goto(s.world.jobOf(posting!).applyUrl, { timeout: STEP_MS });
    const button = await fillByButton(page);
    // By hand: the question left to the user, and a self-identification (sensitive: never offered).
    const answer = page.locator(`[name="${why.name}"]`);
    expect(await answer.inputValue({ timeout: STEP_MS })).toBe('');
    await answer.fill('Robots that help people.', { timeout: STEP_MS });
    const gender = page.locator('[name="job_application[gender]"]');
    await gender.selectOption({ label: 'Female' }, { timeout: STEP_MS });
    await page.getByRole('button', { name: /submit application/i }).click({ timeout: STEP_MS });

    await expect.poll(() => button.text(), { timeout: STEP_MS }).toContain('Save this answer for future forms?');
    const offer = await button.text();
    expect(offer).toContain('Recorded on JobSwipe: applied by hand.');
    expect(offer).toContain(`${why.label} → Robots that help people.`);
    expect(offer).not.toMatch(/gender|female/i);
    await button.click('Save');
    await expect.poll(() => button.text(), { timeout: STEP_MS }).toContain('Saved 1 answer for future forms.');
    const saved = (await user.api.get<AnswersView>('/v1/profile/answers')).body.answers;
    expect(saved.filter((a) => a.type)).toEqual([
      {
        questionKey: normalizeQuestion(why.label),
        question: why.label,
        answer: 'Robots that help people.',
        type: 'textarea',
        options: [],
      },
    ]);
    expect(saved.some((a) => /gender/i.test(a.question))).toBe(false);
    await within('closing the tab', page.close());
  });
});

describe('permissions', () => {
  it('asks at install for the supported ATS hosts and the JobSwipe origins only; anything else is optional', async () => {
    const manifest = JSON.parse(await readFile(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
    expect(manifest.permissions.sort()).toEqual(['alarms', 'idle', 'notifications', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual([
      ...ATS_HOST_PATTERNS,
      'https://*.jobswipe.app/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    // The autofill script is registered at runtime (paired, autofill on), not for every page at install.
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('sends an application on a site it may not open to the user at once, with a button to allow that site', async () => {
    const user = await practiceApplicant(s.world, []);
    await pairByCode(s.browser, s.world.backend.node.url, user.api);
    // A company careers site outside the ATS hosts (IPv6 loopback: no JobSwipe origin either).
    const [job] = await createJobs(s.world.prisma, 1, { applyUrl: 'http://[::1]:9/careers/42/apply' });
    const [id] = await swipeRightOn(user.api, [job!]);
    const app = () => s.world.prisma.application.findUniqueOrThrow({ where: { id: id! } });
    await expect.poll(async () => (await app()).status).toBe('NEEDS_ATTENTION');
    expect((await app()).lastError).toContain('JobSwipe may not open [::1]:9 yet');
    const popup = await within('opening a tab', s.browser.context.newPage());
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`, { timeout: STEP_MS });
    await expect
      .poll(() => popup.getByRole('button', { name: 'Allow on [::1]:9' }).isVisible(), { timeout: STEP_MS })
      .toBe(true);
    await within('closing the popup', popup.close());
  });
});

describe('autofill per site', () => {
  it('is turned off on a site from the button and on again from the options page', async () => {
    const [posting] = practicePostings(['lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31']);
    const user = await practiceApplicant(s.world, [posting!]);
    await pairByCode(s.browser, s.world.backend.node.url, user.api);
    const form = new URL(s.world.jobOf(posting!).applyUrl);
    expect(form.hostname).toBe('127.0.0.1');

    const page = await within('opening a tab', s.browser.context.newPage());
    await page.goto(form.href, { timeout: STEP_MS });
    const button = await autofillButton(page);
    await expect.poll(() => button.shown(), { timeout: STEP_MS }).toBe(true);
    await button.click('Not on this site');
    await expect.poll(() => button.shown(), { timeout: STEP_MS }).toBe(false);

    // The same form on this site again, then on another site (localhost) that keeps the autofill:
    // once the button shows there, the script has run on both, and this site has none.
    await page.reload({ timeout: STEP_MS });
    const elsewhere = await within('opening a tab', s.browser.context.newPage());
    await elsewhere.goto(Object.assign(new URL(form.href), { hostname: 'localhost' }).href, { timeout: STEP_MS });
    const elsewhereButton = await autofillButton(elsewhere);
    await expect.poll(() => elsewhereButton.shown(), { timeout: STEP_MS }).toBe(true);
    expect(await button.shown()).toBe(false);

    const options = await within('opening a tab', s.browser.context.newPage());
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`, { timeout: STEP_MS });
    const choice = options.getByLabel('Fill forms on 127.0.0.1');
    await expect.poll(() => choice.isChecked({ timeout: STEP_MS }), { timeout: STEP_MS }).toBe(false);
    await choice.click({ timeout: STEP_MS });
    await expect.poll(() => choice.isChecked({ timeout: STEP_MS }), { timeout: STEP_MS }).toBe(true);
    await page.reload({ timeout: STEP_MS });
    await expect.poll(() => button.shown(), { timeout: STEP_MS }).toBe(true);
    for (const p of [page, elsewhere, options]) await within('closing a tab', p.close());
  });
});

describe('the options page', () => {
  it('turns the autofill off with the keyboard alone', async () => {
    const worker = await within('reaching the worker', s.browser.worker());
    const registered = () =>
      within(
        'asking the worker',
        worker.evaluate(async () => {
          const { scripting } = (
            globalThis as unknown as {
              chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } };
            }
          ).chrome;
          return (await scripting.getRegisteredContentScripts()).map((s) => s.id);
        }),
      );
    await expect.poll(registered, { timeout: STEP_MS }).toEqual(['autofill']);
    const options = await within('opening a tab', s.browser.context.newPage());
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`, { timeout: STEP_MS });
    const autofill = options.getByLabel('Offer to fill application forms I open');
    await expect.poll(() => autofill.isChecked({ timeout: STEP_MS }), { timeout: STEP_MS }).toBe(true);
    // Tab through the page until the checkbox has the focus, then Space, as a keyboard user does.
    for (
      let i = 0;
      i < 20 && !(await autofill.evaluate((el) => el === document.activeElement, undefined, { timeout: STEP_MS }));
      i++
    ) {
      await within('pressing Tab', options.keyboard.press('Tab'));
    }
    await within('pressing Space', options.keyboard.press('Space'));
    await expect.poll(() => autofill.isChecked({ timeout: STEP_MS }), { timeout: STEP_MS }).toBe(false);
    await expect.poll(registered, { timeout: STEP_MS }).toEqual([]);
    await within('closing the options', options.close());
  });
});
