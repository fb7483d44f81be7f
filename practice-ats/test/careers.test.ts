// The plain careers page: an honest HTML form, validated on the server, recorded exactly.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, correctPost, document, PROFILE, pdf } from './fixtures.ts';
import { post, practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const spec = formSpec('careers', 'data-engineer');

describe('plain careers page', () => {
  it('lists the jobs and shows each posting with its apply link', async () => {
    const board = await (await fetch(`${server.ats.url}/careers/tidewater`)).text();
    expect(board).toContain('Data Engineer');
    const posting = await fetch(`${server.ats.url}/careers/tidewater/jobs/data-engineer`);
    expect(posting.status).toBe(200);
    const text = await posting.text();
    expect(text).toContain("What you'll do");
    expect(text).toContain('/careers/tidewater/jobs/data-engineer/apply');
  });

  it('records a correct application with its exact fields and an intact resume', async () => {
    const resume = pdf();
    const res = await post(server.ats.url + spec.url, correctPost(spec, { resume }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/\/thanks\?ref=/);
    const thanks = await (await fetch(server.ats.url + res.headers.get('location'))).text();
    expect(thanks).toContain('Thank you for applying');

    const [submission, ...others] = await recorded(server.ats, { ats: 'careers', jobId: 'data-engineer' });
    expect(others).toEqual([]);
    expect(submission?.fields.first_name).toBe('Ada');
    // The posting is in Oslo, where the applicant (authorized in the US and UK) would need a visa.
    expect(submission?.fields.q_sponsorship).toBe('Yes');
    expect(submission?.files).toEqual([
      {
        field: 'resume',
        filename: resume.filename,
        mime: 'application/pdf',
        size: resume.data.length,
        sha256: resume.sha256,
      },
    ]);
    expect(checkSubmission(spec, submission!, PROFILE, answersFor(spec), { resume: resume.sha256 })).toEqual([]);
    const bytes = await fetch(`${server.ats.url}/__practice/submissions/${submission?.id}/files/resume`);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(resume.data)).toBe(true);
  });

  it('refuses a post without required fields, with an error summary and messages by the fields', async () => {
    const res = await post(server.ats.url + spec.url, correctPost(spec, {}, { first_name: null, email: null }));
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('There is a problem with your application');
    expect(page).toContain('id="first_name-error"');
    expect(page).toContain('CV / Resume: This field is required.');
    expect(page).toContain('value="Lovelace"');
    expect(await recorded(server.ats)).toEqual([]);
  });

  it('refuses a malformed email, a wrong file type and an oversized file', async () => {
    const badEmail = await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }, { email: 'ada@' }));
    expect(badEmail.status).toBe(422);
    expect(await badEmail.text()).toContain('Please enter a valid email address.');

    const exe = document('resume.exe', 'application/octet-stream', Buffer.from('MZ not a resume'));
    const badType = await post(server.ats.url + spec.url, correctPost(spec, { resume: exe }));
    expect(badType.status).toBe(422);
    expect(await badType.text()).toContain('Invalid file type. Allowed: .pdf, .doc, .docx.');

    const huge = pdf('big.pdf', 5 * 1024 * 1024 + 10);
    const tooBig = await post(server.ats.url + spec.url, correctPost(spec, { resume: huge }));
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain('File is too large. The limit is 5 MB.');
    expect(await recorded(server.ats)).toEqual([]);
  });

  it('shows a bot that filled the honeypot the thank-you page but keeps nothing', async () => {
    const res = await post(
      server.ats.url + spec.url,
      correctPost(spec, { resume: pdf() }, { website_url: 'http://spam' }),
    );
    expect(res.status).toBe(303);
    expect(await recorded(server.ats)).toEqual([]);
  });

  it('is filled and submitted in a browser through its labels', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    await page.getByLabel('First name').fill(PROFILE.firstName);
    await page.getByLabel('Last name').fill(PROFILE.lastName);
    await page.getByLabel('Email address').fill(PROFILE.email);
    await page.locator('input[name=phone]').fill(PROFILE.phone);
    await page.getByLabel('Where are you based?').fill('San Francisco');
    await page
      .getByLabel('CV / Resume')
      .setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: pdf().data });
    await page
      .getByRole('group', { name: /require sponsorship/ })
      .getByLabel('No')
      .check();
    await page.getByLabel('What are your annual salary expectations?').fill('180000');
    await page.getByLabel(/may store and process my data/).check();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you for applying');
    const [submission] = await recorded(server.ats);
    expect(submission?.fields.city).toBe('San Francisco');
    expect(submission?.fields.privacy_consent).toBe('yes');
  });
});
