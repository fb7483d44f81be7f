// SmartRecruiters: the one-click application whose controls are web components with open shadow
// roots, taking part in the form as form-associated custom elements.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, PROFILE, pdf } from './fixtures.ts';
import { practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const spec = formSpec('smartrecruiters', '744000012345678');

describe('SmartRecruiters one-click application', () => {
  it('keeps every input inside open shadow roots of spl-* custom elements', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.locator('spl-input[name=firstName]').waitFor();
    const shape = await page.evaluate(() => ({
      lightInputs: document.querySelectorAll('#oneclick-form input, #oneclick-form textarea, #oneclick-form select')
        .length,
      shadowInput: document.querySelector('spl-input[name=firstName]')?.shadowRoot?.querySelector('input')?.id,
    }));
    expect(shape).toEqual({ lightInputs: 0, shadowInput: 'input' });
  });

  it('is filled through the shadow roots and records exactly, with the resume intact', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.getByLabel('First name').fill(PROFILE.firstName);
    await page.getByLabel('Last name').fill(PROFILE.lastName);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(PROFILE.email);
    await page.getByLabel('Confirm your email').fill(PROFILE.email);
    await page.getByRole('combobox', { name: 'City' }).pressSequentially('San Fr');
    await page.getByRole('option', { name: 'San Francisco, California, United States' }).click();
    await page.getByLabel('Phone number').fill(PROFILE.phone);
    await page.getByLabel('LinkedIn profile').fill(PROFILE.links.linkedin ?? '');
    await page.getByLabel('Website').fill(PROFILE.links.portfolio ?? '');
    const resume = pdf();
    await page
      .locator('spl-dropzone input[type=file]')
      .setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: resume.data });
    await page.getByLabel('Message to the Hiring Team').fill(PROFILE.coverLetter ?? '');
    await page.getByRole('group', { name: 'Are you willing to relocate?' }).getByLabel('No').check();
    await page.getByLabel('What is your notice period?').fill(PROFILE.noticePeriod ?? '');
    await page.getByLabel('How did you hear about this job?').selectOption('LinkedIn');
    await page.getByLabel(/Privacy Policy/).check();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you for applying!');
    const [submission] = await recorded(server.ats, { ats: 'smartrecruiters' });
    expect(submission?.fields.confirmEmail).toBe(PROFILE.email);
    expect(checkSubmission(spec, submission!, PROFILE, answersFor(spec), { resume: resume.sha256 })).toEqual([]);
  });

  it('shows errors inside the components when emails differ or fields are missing, and records nothing', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(PROFILE.email);
    await page.getByLabel('Confirm your email').fill('someone.else@example.com');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.locator('#error-summary').textContent()).toContain('highlighted field');
    expect(await page.locator('spl-input[name=confirmEmail]').getAttribute('error')).toBe(
      'Email addresses do not match',
    );
    expect(await page.locator('spl-input[name=firstName] >> #error').textContent()).toBe('This field is required');
    expect(await recorded(server.ats)).toEqual([]);
  });
});
