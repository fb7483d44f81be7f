// Greenhouse: the classic board (Rails names, resume file or pasted text, EEOC), its iframe embed
// on a company careers page, the React job-boards design, and the Job Board API.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, correctPost, document, PROFILE, pdf } from './fixtures.ts';
import { post, practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();

describe('Greenhouse classic board', () => {
  const spec = formSpec('greenhouse', '4012345');

  it('lists openings by department and renders the Rails form with custom and EEOC questions', async () => {
    const board = await (await fetch(`${server.ats.url}/greenhouse/boards/northwind`)).text();
    expect(board).toContain('Current openings at Northwind Robotics');
    expect(board).not.toContain('4011999'); // the closed posting
    const page = await (await fetch(server.ats.url + spec.url)).text();
    for (const name of [
      'job_application[first_name]',
      'job_application[resume_text]',
      'job_application[answers_attributes][0][text_value]',
      'job_application[answers_attributes][2][boolean_value]',
      'job_application[answers_attributes][0][question_id]',
      'job_application[gender]',
      'job_application[disability_status]',
    ]) {
      expect(page).toContain(`name="${name}"`);
    }
    expect(page).toContain('name="job_application[answers_attributes][0][question_id]" value="4012345010"');
    expect(page).toContain('Decline To Self Identify');
    expect(page).toContain('enter manually');
  });

  it('records a correct application exactly, with the resume intact', async () => {
    const resume = pdf();
    const res = await post(server.ats.url + spec.url, correctPost(spec, { resume }));
    expect(res.status).toBe(303);
    const confirmation = await (await fetch(server.ats.url + res.headers.get('location'))).text();
    expect(confirmation).toContain('Thank you for applying.');
    const [submission] = await recorded(server.ats, { ats: 'greenhouse', jobId: '4012345' });
    expect(submission?.fields['job_application[email]']).toBe(PROFILE.email);
    expect(submission?.fields['job_application[gender]']).toBe('2'); // Female, by Greenhouse's id
    expect(submission?.fields['job_application[race]']).toBe('8'); // Decline To Self Identify
    expect(checkSubmission(spec, submission!, PROFILE, answersFor(spec), { resume: resume.sha256 })).toEqual([]);
  });

  it('takes a pasted resume instead of a file', async () => {
    const body = correctPost(spec, {}, { 'job_application[resume_text]': 'Ada Lovelace\nSenior Software Engineer' });
    expect((await post(server.ats.url + spec.url, body)).status).toBe(303);
    const [submission] = await recorded(server.ats);
    expect(submission?.files).toEqual([]);
    expect(submission?.fields['job_application[resume_text]']).toContain('Ada Lovelace');
  });

  it('refuses missing fields and bad files with messages under the fields', async () => {
    const missing = await post(
      server.ats.url + spec.url,
      correctPost(spec, {}, { 'job_application[last_name]': null }),
    );
    expect(missing.status).toBe(422);
    const page = await missing.text();
    expect(page).toContain('Please complete all required fields');
    expect(page).toMatch(/field-error-msg[^>]*>This field is required\./);
    const rtfLike = document('resume.png', 'image/png', Buffer.from('\x89PNG'));
    const badType = await post(server.ats.url + spec.url, correctPost(spec, { resume: rtfLike }));
    expect(await badType.text()).toContain('Invalid file type. Accepted file types: pdf, doc, docx, txt, rtf.');
    const tooBig = await post(
      server.ats.url + spec.url,
      correctPost(spec, { resume: pdf('cv.pdf', 10 * 1024 * 1024 + 1) }),
    );
    expect(await tooBig.text()).toContain('File exceeds the maximum upload size of 10MB.');
    expect(await recorded(server.ats)).toEqual([]);
  });

  it('answers a second application with the same email "already applied" and keeps one', async () => {
    expect((await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }))).status).toBe(303);
    const again = await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('You have already submitted an application for this job.');
    expect(await recorded(server.ats)).toHaveLength(1);
  });

  it('shows the form in the grnhse_iframe embed on the company careers page, and submits there', async () => {
    const embedded = formSpec('greenhouse', '4012401');
    const page = await browser.newPage();
    await page.goto(`${server.ats.url}/greenhouse/company/northwind/careers?gh_jid=4012401`);
    const frame = page.frameLocator('#grnhse_iframe');
    await frame.getByLabel('First Name').fill(PROFILE.firstName);
    await frame.getByLabel('Last Name').fill(PROFILE.lastName);
    await frame.getByLabel('Email').fill(PROFILE.email);
    await frame.getByLabel('Phone').fill(PROFILE.phone);
    await frame.getByRole('button', { name: 'enter manually' }).first().click();
    await frame.locator('#resume_text').fill('Ada Lovelace, engineer');
    await frame.getByLabel(/require sponsorship/).selectOption({ label: 'No' });
    await frame
      .getByLabel('How many years of professional experience do you have?')
      .selectOption({ label: '6-10 years' });
    await frame.getByRole('button', { name: 'Submit Application' }).click();
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Thank you for applying.');
    const [submission] = await recorded(server.ats, { jobId: '4012401' });
    const years = embedded.fields.find((f) => f.label.startsWith('How many years'))!;
    expect(submission?.fields[years.name]).toBe(years.options?.find((o) => o.label === '6-10 years')?.value);
    expect(years.options?.[0]?.value).toMatch(/^\d{10,}$/);
  });
});

describe('Greenhouse job-boards design (React)', () => {
  const spec = formSpec('greenhouse', '5123001');

  it('is filled through its react-select comboboxes and location search, and records the ids', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.getByLabel('First Name').fill(PROFILE.firstName);
    await page.getByLabel('Last Name').fill(PROFILE.lastName);
    await page.getByLabel('Email').fill(PROFILE.email);
    await page.getByLabel('Phone').fill(PROFILE.phone);
    await page.getByRole('combobox', { name: 'Location (City)' }).pressSequentially('San Fra');
    await page.getByRole('option', { name: 'San Francisco, California, United States' }).click();
    const resume = pdf();
    await page.locator('#resume').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: resume.data });
    const pick = async (label: string | RegExp, option: string) => {
      await page.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await pick('Are you legally authorized to work in the United States?', 'Yes');
    await pick(/require sponsorship/, 'No');
    await page.getByLabel('What are your annual salary expectations?').fill('180000');
    await pick('How many years of professional experience do you have?', '6-10 years');
    await pick('Gender', 'Female');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you for applying.');
    const [submission] = await recorded(server.ats, { jobId: '5123001' });
    expect(submission?.fields['candidate-location']).toBe('San Francisco, California, United States');
    expect(submission?.fields.gender).toBe('2');
    expect(submission?.files[0]?.sha256).toBe(resume.sha256);
    const mismatches = checkSubmission(spec, submission!, PROFILE, {}, { resume: resume.sha256 });
    // Only what the test left empty differs (links, cover letter, the remaining EEOC questions).
    expect(mismatches.map((m) => m.label).sort()).toEqual(
      [
        'Are you Hispanic/Latino?',
        'Cover Letter',
        'Disability Status',
        'LinkedIn Profile',
        'Race',
        'Veteran Status',
        'Website',
      ].sort(),
    );
  });

  it('shows the server errors under each field and records nothing', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect.poll(() => page.locator('#email-error').textContent()).toBe('Please enter a valid email address.');
    expect(await page.locator('#first_name-error').textContent()).toBe('This field is required.');
    expect(await page.getByRole('alert').first().textContent()).toContain('Please complete the required fields');
    expect(await recorded(server.ats)).toEqual([]);
  });
});

describe('Greenhouse Job Board API', () => {
  it('lists a board with content, departments and offices like boards-api.greenhouse.io', async () => {
    const res = await fetch(`${server.ats.url}/api/greenhouse/v1/boards/northwind/jobs?content=true`);
    const body = (await res.json()) as { jobs: Array<Record<string, unknown>>; meta: { total: number } };
    expect(body.meta.total).toBe(body.jobs.length);
    const job = body.jobs.find((j) => j.id === 4012345);
    expect(job).toMatchObject({
      title: 'Senior Backend Engineer, Fleet Platform',
      location: { name: 'Pittsburgh, PA' },
      absolute_url: `${server.ats.url}/greenhouse/boards/northwind/jobs/4012345`,
      departments: [{ name: 'Engineering' }],
      company_name: 'Northwind Robotics',
    });
    expect(String(job?.content)).toMatch(/^&lt;p&gt;/);
    expect(body.jobs.some((j) => j.id === 4011999)).toBe(false);
    const plain = (await (
      await fetch(`${server.ats.url}/api/greenhouse/v1/boards/northwind/jobs`)
    ).json()) as typeof body;
    expect(plain.jobs[0]).not.toHaveProperty('content');
  });

  it('describes a job’s questions with field names, types and option values', async () => {
    const res = await fetch(`${server.ats.url}/api/greenhouse/v1/boards/lumenlabs/jobs/5123001?questions=true`);
    const job = (await res.json()) as {
      questions: Array<{
        label: string;
        required: boolean;
        fields: Array<{ name: string; type: string; values: unknown[] }>;
      }>;
      compliance: Array<{ type: string; questions: Array<{ label: string; fields: Array<{ values: unknown[] }> }> }>;
    };
    expect(job.questions[0]).toEqual({
      required: true,
      private: false,
      label: 'First Name',
      description: null,
      fields: [{ name: 'first_name', type: 'input_text', values: [] }],
    });
    expect(job.questions.find((q) => q.label === 'Resume/CV')?.fields.map((f) => [f.name, f.type])).toEqual([
      ['resume', 'input_file'],
      ['resume_text', 'textarea'],
    ]);
    const sponsorship = job.questions.find((q) => q.label.includes('sponsorship'));
    expect(sponsorship?.fields[0]).toMatchObject({
      type: 'multi_value_single_select',
      values: [
        { label: 'Yes', value: 1 },
        { label: 'No', value: 0 },
      ],
    });
    expect(sponsorship?.fields[0]?.name).toMatch(/^question_\d+$/);
    expect(job.compliance[0]?.type).toBe('eeoc');
    expect(job.compliance[0]?.questions.map((q) => q.label)).toContain('Veteran Status');
    const missing = await fetch(`${server.ats.url}/api/greenhouse/v1/boards/lumenlabs/jobs/1`);
    expect(missing.status).toBe(404);
  });
});
