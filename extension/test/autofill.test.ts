// Autofill on a form the user opens themselves (issue 13, point 5), in Chromium with the built
// extension against the practice ATS: the button the extension adds fills the form with the
// engine's in-page core and submits nothing; the user submits, and the application is recorded on
// the web once, as applied by hand. Self-identification the user never gave is never picked.
import { PROFILE } from '@jobswipe/automations/testing/applicant';
import type { ApplicationSummary } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autofillButton } from './support/autofill-button.ts';
import { type ExtensionBrowser, launchWithExtension, profileDir } from './support/chromium.ts';
import { pairByCode } from './support/pairing.ts';
import { type ExtensionWorld, practiceApplicant, practicePostings, startExtensionWorld } from './support/world.ts';

let world: ExtensionWorld;
let browser: ExtensionBrowser;
let profile: Awaited<ReturnType<typeof profileDir>>;
beforeAll(async () => {
  world = await startExtensionWorld();
  profile = await profileDir();
  browser = await launchWithExtension(profile.dir);
});
afterAll(async () => {
  await browser?.close();
  await profile?.remove();
  await world?.close();
});

describe('autofill on a form the user opens', () => {
  it('fills the form and submits nothing; the user’s own submit shows on the web once, applied by hand', async () => {
    const [posting] = practicePostings(['lever/7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31']);
    const user = await practiceApplicant(world, [posting!]);
    // This user never gave their self-identification: the autofill must not pick any for them.
    await user.api.put('/v1/profile', { ...PROFILE, eeo: {} });
    await pairByCode(browser, world.backend.node.url, user.api);
    const submissions = () => world.ats.submissions.list({ ats: posting!.ats, jobId: posting!.externalId });

    const page = await browser.context.newPage();
    await page.goto(world.jobOf(posting!).applyUrl);
    const button = await autofillButton(page);
    await expect.poll(() => button.shown()).toBe(true);
    await button.click();
    await expect.poll(() => button.text()).toContain('Check the form, then submit it yourself');
    expect(await button.text()).toMatch(/Filled \d+ fields/);
    expect(await page.locator('input[name="email"]').inputValue()).toBe(PROFILE.email);
    // Never a self-identification the user did not give: at most the form's own "decline".
    const gender = page.locator('#eeo-gender');
    expect(await gender.inputValue()).toMatch(/^(|Decline To Self Identify)$/);
    expect(submissions()).toHaveLength(0);

    await page.getByRole('button', { name: /submit application/i }).click();
    const mine = async () =>
      (await user.api.get<{ items: ApplicationSummary[] }>('/v1/applications')).body.items.map((a) => ({
        jobId: a.jobId,
        status: a.status,
        byHand: a.byHand,
      }));
    await expect.poll(mine).toEqual([{ jobId: world.jobOf(posting!).id, status: 'SUBMITTED', byHand: true }]);
    expect(submissions()).toHaveLength(1);
    expect(submissions()[0]!.fields['eeo[gender]'] ?? '').toMatch(/^(|Decline To Self Identify)$/);
    await expect.poll(() => button.text()).toContain('Recorded on JobSwipe: applied by hand.');
  });
});
