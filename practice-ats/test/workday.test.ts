// Workday: the multi-step wizard with data-automation-id hooks, a candidate account, custom
// dropdown buttons, the "How Did You Hear About Us?" prompt, a date picker, per-step server
// checks, and the candidate home that shows what was already submitted.
import { normalizeQuestion } from '@jobswipe/protocol';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, PROFILE, pdf } from './fixtures.ts';
import { practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const spec = formSpec('workday', 'R-10234');
const PASSWORD = 'correct horse battery';

const auto = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

async function pick(page: Page, id: string, option: string) {
  await auto(page, id).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function next(page: Page, heading: string) {
  await auto(page, 'bottom-navigation-next-button').click();
  await expect.poll(() => auto(page, 'pageHeader').textContent()).toBe(heading);
}

async function startAndCreateAccount(page: Page, email: string) {
  await page.goto(server.ats.url + spec.url.replace(/\/apply$/, ''));
  await auto(page, 'adventureButton').click();
  await auto(page, 'applyManually').click();
  await auto(page, 'email').fill(email);
  await auto(page, 'password').fill(PASSWORD);
  await auto(page, 'verifyPassword').fill(PASSWORD);
  await auto(page, 'createAccountCheckbox').check();
  await auto(page, 'createAccountSubmitButton').click();
  await expect.poll(() => auto(page, 'pageHeader').textContent()).toBe('My Information');
}

describe('Workday application wizard', () => {
  it('walks every step to "Application Submitted" and records exactly what was entered', async () => {
    const page = await browser.newPage();
    await startAndCreateAccount(page, PROFILE.email);
    expect(await auto(page, 'email').inputValue()).toBe(PROFILE.email);

    await auto(page, 'searchBox').fill('Link');
    await page.getByRole('option', { name: 'LinkedIn' }).click();
    await page
      .getByRole('radiogroup', { name: /previously worked/ })
      .getByLabel('No')
      .check();
    await pick(page, 'countryRegion', 'United States of America');
    await auto(page, 'legalNameSection_firstName').fill(PROFILE.firstName);
    await auto(page, 'legalNameSection_lastName').fill(PROFILE.lastName);
    await auto(page, 'addressSection_city').fill('San Francisco');
    await auto(page, 'addressSection_postalCode').fill('94107');
    await pick(page, 'phoneDeviceType', 'Mobile');
    await auto(page, 'phoneNumber').fill(PROFILE.phone);
    await next(page, 'My Experience');

    await auto(page, 'jobTitle').fill(PROFILE.currentTitle ?? '');
    await auto(page, 'company').fill(PROFILE.currentCompany ?? '');
    const resume = pdf();
    await auto(page, 'file-upload-input-ref').setInputFiles({
      name: 'cv.pdf',
      mimeType: 'application/pdf',
      buffer: resume.data,
    });
    await auto(page, 'linkedIn').fill(PROFILE.links.linkedin ?? '');
    await next(page, 'Application Questions');

    const questions = spec.fields.filter((f) => f.section === 'Application Questions');
    const byLabel = (start: string) => questions.find((f) => f.label.startsWith(start))!.name;
    await pick(page, byLabel('Are you legally authorized'), 'Yes');
    await pick(page, byLabel('Will you now or in the future'), 'No');
    await pick(page, byLabel('How many years'), '6-10 years');
    await page.locator(`#${questions.find((f) => f.type === 'date')!.id}`).fill('01/15/2027');
    await next(page, 'Voluntary Disclosures');

    await pick(page, 'gender', 'Female');
    await pick(page, 'hispanicOrLatino', 'No');
    await pick(page, 'ethnicity', 'Decline To Self Identify');
    await pick(page, 'veteranStatus', 'I am not a protected veteran');
    await auto(page, 'termsAndConditions').check();
    await next(page, 'Self Identify');

    await auto(page, 'selfIdName').fill('Ada Lovelace');
    await page.getByLabel('I do not want to answer').check();
    await next(page, 'Review');
    expect(await auto(page, 'reviewPage').textContent()).toContain('United States of America');
    await auto(page, 'bottom-navigation-next-button').click();
    await expect.poll(() => auto(page, 'congratulationsPopup').textContent()).toContain('Application Submitted');

    const [submission] = await recorded(server.ats, { ats: 'workday', jobId: 'R-10234' });
    const answers = {
      ...answersFor(spec),
      [normalizeQuestion('Have you previously worked for Meridian Health?')]: 'No',
    };
    expect(checkSubmission(spec, submission!, PROFILE, answers, { resume: resume.sha256 })).toEqual([]);
    expect(submission?.fields.selfIdDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    await auto(page, 'candidateHomeLink').click();
    await expect.poll(() => auto(page, 'applicationRow').getAttribute('data-requisition-id')).toBe('R-10234');
    expect(await auto(page, 'applicationStatus').textContent()).toBe('Application Submitted');

    await page.goto(server.ats.url + spec.url);
    await expect
      .poll(() => auto(page, 'alreadyApplied').textContent())
      .toContain('You have already applied for this job');
  });

  it('checks each step on the server and shows "Errors Found" before moving on', async () => {
    const page = await browser.newPage();
    await startAndCreateAccount(page, 'ada+errors@example.com');
    await auto(page, 'legalNameSection_firstName').fill('Ada');
    await auto(page, 'phoneNumber').fill('call me');
    await auto(page, 'bottom-navigation-next-button').click();
    await expect.poll(() => auto(page, 'errorBanner').textContent()).toMatch(/\d+ Errors Found/);
    expect(await auto(page, 'errorBanner').textContent()).toContain(
      'The field Last Name is required and must have a value.',
    );
    expect(await page.locator('#phoneNumber-error').textContent()).toBe(
      'Error: Phone Number must be a valid phone number.',
    );
    expect(await auto(page, 'pageHeader').textContent()).toBe('My Information');
    expect(await recorded(server.ats)).toEqual([]);
  });

  it('lets a candidate sign in to the candidate home to see submitted applications', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.ats.url}/workday/meridianhealth/External/userHome`);
    expect(await auto(page, 'signInPage').isVisible()).toBe(true);
    const created = await page.request.post(`${server.ats.url}/workday/meridianhealth/External/account`, {
      data: { mode: 'create', email: 'grace@example.com', password: PASSWORD, verifyPassword: PASSWORD, agree: true },
    });
    expect(created.status()).toBe(200);
    await page.context().clearCookies();
    await page.goto(`${server.ats.url}/workday/meridianhealth/External/userHome`);
    await auto(page, 'email').fill('grace@example.com');
    await auto(page, 'password').fill(PASSWORD);
    await auto(page, 'signInSubmitButton').click();
    await expect.poll(() => auto(page, 'noApplications').textContent()).toContain('You have not applied');
  });
});
