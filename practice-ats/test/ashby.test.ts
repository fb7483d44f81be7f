// Ashby: a React single-page form. Its inputs are controlled, so a plain `.value =` does not
// register (React's value tracker) while the native setter plus an input event does; yes/no
// button pairs, comboboxes and location search; the posting API.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, PROFILE, pdf } from './fixtures.ts';
import { practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const JOB = '3b8e6f1a-7c2d-4e9b-a5f0-6d1c8b2e4a97';
const spec = formSpec('ashby', JOB);

describe('Ashby application form', () => {
  it('ignores a plain .value assignment but takes the native setter with an input event', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.locator('#_systemfield_name').waitFor();
    await page.evaluate(() => {
      const name = document.getElementById('_systemfield_name') as HTMLInputElement;
      name.value = 'Plain Assignment';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByRole('button', { name: 'Submit Application' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Your form needs corrections');
    expect(await page.getByRole('alert').textContent()).toContain('Name: This field is required');

    await page.evaluate(() => {
      const name = document.getElementById('_systemfield_name') as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(name, 'Ada Lovelace');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => page.locator('#_systemfield_name-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Submit Application' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).not.toContain('Name:');
    expect(await page.getByRole('alert').textContent()).toContain('Email: This field is required');
    expect(await recorded(server.ats)).toEqual([]);
  });

  it('is filled through button pairs, comboboxes and the location search, and records exactly', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    const answers = answersFor(spec);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(PROFILE.email);
    await page.getByLabel('Phone').fill(PROFILE.phone);
    const resume = pdf();
    await page
      .locator('#_systemfield_resume')
      .setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: resume.data });
    await expect.poll(() => page.locator('[data-filename]').textContent()).toContain('cv.pdf');
    await page.getByRole('combobox', { name: 'Location' }).pressSequentially('San Fr');
    await page.getByRole('option', { name: 'San Francisco, California, United States' }).click();
    await page.getByLabel('LinkedIn Profile').fill(PROFILE.links.linkedin ?? '');
    await page.getByLabel('GitHub').fill(PROFILE.links.github ?? '');
    await page
      .getByRole('group', { name: /authorized to work in the United States/ })
      .getByRole('button', { name: 'Yes' })
      .click();
    await page
      .getByRole('group', { name: /require sponsorship/ })
      .getByRole('button', { name: 'No' })
      .click();
    await page.getByLabel('What are your annual salary expectations?').fill('180000');
    const combo = async (name: string | RegExp, option: string) => {
      await page.getByRole('combobox', { name }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await combo('How did you hear about this job?', 'LinkedIn');
    await combo('Gender', 'Female');
    await combo('Race', 'Decline To Self Identify');
    await combo('Veteran Status', 'I am not a protected veteran');
    await page.getByRole('button', { name: 'Submit Application' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you for applying');
    const [submission] = await recorded(server.ats, { ats: 'ashby', jobId: JOB });
    expect(submission?.fields._systemfield_name).toBe('Ada Lovelace');
    expect(checkSubmission(spec, submission!, PROFILE, answers, { resume: resume.sha256 })).toEqual([]);
  });

  it('refuses a wrong file type and an option that is not offered, and records nothing', async () => {
    const body = new FormData();
    body.append('_systemfield_name', 'Ada Lovelace');
    body.append('_systemfield_email', PROFILE.email);
    body.append('_systemfield_location', 'Atlantis');
    body.append('_systemfield_resume', new Blob(['GIF89a']), 'resume.gif');
    const res = await fetch(server.ats.url + spec.submitUrl, { method: 'POST', body });
    expect(res.status).toBe(422);
    const answer = (await res.json()) as { errors: Array<{ field: string; message: string }> };
    expect(answer.errors).toContainEqual(
      expect.objectContaining({ field: '_systemfield_resume', message: expect.stringContaining('not supported') }),
    );
    expect(answer.errors).toContainEqual(
      expect.objectContaining({ field: '_systemfield_location', message: 'Select one of the options' }),
    );
    expect(await recorded(server.ats)).toEqual([]);
  });
});

describe('Ashby Job Posting API', () => {
  it('returns the board with compensation like api.ashbyhq.com/posting-api/job-board/<board>', async () => {
    const res = await fetch(`${server.ats.url}/api/ashby/posting-api/job-board/quillstack?includeCompensation=true`);
    const body = (await res.json()) as { apiVersion: string; jobs: Array<Record<string, unknown>> };
    expect(body.apiVersion).toBe('1');
    const job = body.jobs.find((j) => j.id === JOB);
    expect(job).toMatchObject({
      title: 'Senior Full-Stack Engineer',
      employmentType: 'FullTime',
      isRemote: true,
      workplaceType: 'Remote',
      isListed: true,
      jobUrl: `${server.ats.url}/ashby/quillstack/${JOB}`,
      applyUrl: `${server.ats.url}/ashby/quillstack/${JOB}/application`,
      compensation: {
        scrapeableCompensationSalarySummary: '$160K – $200K',
        summaryComponents: [
          { compensationType: 'Salary', interval: '1 YEAR', currencyCode: 'USD', minValue: 160000, maxValue: 200000 },
        ],
      },
    });
    expect(String(job?.descriptionPlain).length).toBeGreaterThan(200);
    const without = (await (
      await fetch(`${server.ats.url}/api/ashby/posting-api/job-board/quillstack`)
    ).json()) as typeof body;
    expect(without.jobs[0]).not.toHaveProperty('compensation');
    expect((await fetch(`${server.ats.url}/api/ashby/posting-api/job-board/nope`)).status).toBe(404);
  });
});
