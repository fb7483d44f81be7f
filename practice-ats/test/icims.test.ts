// iCIMS: every page framed in #icims_content_iframe (?in_iframe=1 inside), an email login step,
// and a classic server-rendered candidate profile form.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec, practiceJobs } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, correctPost, PROFILE, pdf } from './fixtures.ts';
import { post, practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const spec = formSpec('icims', '1042');

describe('iCIMS career site', () => {
  it('frames each page in #icims_content_iframe with in_iframe=1', async () => {
    const outer = await (await fetch(`${server.ats.url}/icims/jobs/1042/grid-modernization-engineer/job`)).text();
    expect(outer).toContain('id="icims_content_iframe"');
    expect(outer).toContain('src="/icims/jobs/1042/grid-modernization-engineer/job?in_iframe=1"');
    const inner = await (await fetch(server.ats.url + spec.url)).text();
    expect(inner).toContain('name="PersonProfileFields.FirstName"');
    expect(inner).toContain('name="rcf3040"');
    expect(inner).not.toContain('icims_content_iframe');
    const search = await (await fetch(`${server.ats.url}/icims/jobs/search?in_iframe=1`)).text();
    expect(search).toContain('href="/icims/jobs/1057/lineworker-apprentice/job?in_iframe=1"');
  });

  it('records a correct profile post, and refuses one without a resume', async () => {
    const missing = await post(server.ats.url + spec.url, correctPost(spec, {}));
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Please correct the following errors:');
    const resume = pdf();
    const res = await post(server.ats.url + spec.url, correctPost(spec, { resume }));
    expect(res.status).toBe(303);
    const [submission, ...rest] = await recorded(server.ats, { ats: 'icims' });
    expect(rest).toEqual([]);
    expect(checkSubmission(spec, submission!, PROFILE, answersFor(spec), { resume: resume.sha256 })).toEqual([]);
  });

  it('is applied to in a browser through the iframe: email login, profile form, thank-you', async () => {
    const job = practiceJobs(server.ats.url).find((j) => j.ats === 'icims' && j.externalId === '1042')!;
    const page = await browser.newPage();
    await page.goto(job.applyUrl);
    const frame = page.frameLocator('#icims_content_iframe');
    await frame.getByLabel('Email Address').fill(PROFILE.email);
    await frame.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => frame.locator('#PersonProfileFields_Email').inputValue()).toBe(PROFILE.email);
    await frame.getByLabel('First Name').fill(PROFILE.firstName);
    await frame.getByLabel('Last Name').fill(PROFILE.lastName);
    await frame.getByLabel('Phone Number').fill(PROFILE.phone);
    await frame.getByLabel('City').fill('San Francisco');
    await frame.getByLabel('Country').selectOption('United States');
    await frame.getByLabel('Resume').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: pdf().data });
    await frame
      .getByRole('radiogroup', { name: /authorized to work/ })
      .getByLabel('Yes')
      .check();
    await frame
      .getByRole('radiogroup', { name: /require sponsorship/ })
      .getByLabel('No')
      .check();
    await frame.getByLabel('How many years of professional experience do you have?').selectOption('6-10 years');
    await frame.getByRole('button', { name: 'Submit Profile' }).click();
    await expect
      .poll(() => frame.locator('#iCIMS_Confirmation').textContent())
      .toContain('Your submission has been received.');
    const [submission] = await recorded(server.ats, { ats: 'icims' });
    expect(submission?.fields['PersonProfileFields.AddressCountry']).toBe('United States');
  });
});
