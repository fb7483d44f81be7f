// Workable: a single-page React form in sections with checkbox groups, a date picker and a cover
// letter that is written or uploaded.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, document, PROFILE, pdf } from './fixtures.ts';
import { practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const spec = formSpec('workable', 'B7C1D2E3F4');

describe('Workable application', () => {
  it('is filled with a checkbox group, the date picker and a written cover letter, and records exactly', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.getByLabel('First name').fill(PROFILE.firstName);
    await page.getByLabel('Last name').fill(PROFILE.lastName);
    await page.getByLabel('Email').fill(PROFILE.email);
    await page.getByLabel('Headline').fill(PROFILE.currentTitle ?? '');
    await page.getByLabel('Phone').fill(PROFILE.phone);
    await page.getByLabel('Address').fill('San Francisco, California, United States');
    const resume = pdf();
    await page.locator('#resume').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: resume.data });
    await page.getByRole('textbox', { name: 'Cover letter' }).fill(PROFILE.coverLetter ?? '');
    await page
      .getByRole('radiogroup', { name: /right to work/ })
      .getByLabel('Yes')
      .check();
    const arrangements = page.getByRole('group', { name: 'Which work arrangements are you open to?' });
    await arrangements.getByLabel('Remote').check();
    await arrangements.getByLabel('Hybrid').check();
    await page.getByRole('button', { name: 'Open calendar' }).click();
    // The calendar opens on the current month: step from there to January 2027.
    const now = new Date();
    const steps = (2027 - now.getFullYear()) * 12 - now.getMonth();
    for (let i = 0; i < Math.abs(steps); i++) {
      await page.getByRole('button', { name: steps > 0 ? 'Next month' : 'Previous month' }).click();
    }
    const month = page.getByRole('dialog', { name: 'Choose a date' }).locator('[aria-live]');
    expect(await month.textContent()).toBe('January 2027');
    await page.getByRole('gridcell', { name: 'January 15, 2027' }).click();
    expect(await page.getByLabel('What is the earliest date you could start?').inputValue()).toBe('2027-01-15');
    await page.getByLabel(/storing my data/).check();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Application submitted');
    const [submission] = await recorded(server.ats, { ats: 'workable' });
    expect(submission?.fields.QA_6302191).toEqual(['Remote', 'Hybrid']);
    expect(checkSubmission(spec, submission!, PROFILE, answersFor(spec), { resume: resume.sha256 })).toEqual([]);
  });

  it('takes an uploaded cover letter instead of a written one', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.getByRole('tab', { name: 'Upload' }).click();
    const letter = document(
      'cover.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      Buffer.from('PK docx'),
    );
    await page
      .locator('#cover_letter')
      .setInputFiles({ name: letter.filename, mimeType: letter.mime, buffer: letter.data });
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect.poll(() => page.locator('#firstname-error').textContent()).toBe('This field is required.');
    expect(await page.getByRole('alert').first().textContent()).toContain('Please fix the errors below');
    expect(await page.locator('#cover_letter-error').count()).toBe(0);
    expect(await recorded(server.ats)).toEqual([]);
  });
});
