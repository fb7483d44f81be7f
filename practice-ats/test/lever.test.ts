// Lever: the hosted application form (flat names, cards[<uuid>][fieldN], eeo[...], comments), its
// validation and "already applied" answer, and the Postings API.
import { describe, expect, it } from 'vitest';
import { checkSubmission, formSpec } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { answersFor, correctPost, PROFILE, pdf } from './fixtures.ts';
import { post, practiceAtsForFile, recorded } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const JOB = '7f3c2a9e-5b1d-4c8e-9a2f-1d6e8b4c0a31';
const spec = formSpec('lever', JOB);

describe('Lever application form', () => {
  it('lists postings by team and renders the form with cards, links and the EEO survey', async () => {
    const board = await (await fetch(`${server.ats.url}/lever/orbitpay`)).text();
    expect(board).toContain('Backend Engineer, Payouts');
    const page = await (await fetch(server.ats.url + spec.url)).text();
    for (const name of [
      'name',
      'email',
      'org',
      'urls[LinkedIn]',
      'urls[GitHub]',
      'eeo[gender]',
      'comments',
      'resume',
    ]) {
      expect(page).toContain(`name="${name}"`);
    }
    expect(page).toMatch(/name="cards\[[0-9a-f-]{36}\]\[field0\]"/);
    expect(page).toMatch(/name="cards\[[0-9a-f-]{36}\]\[baseTemplate\]"/);
    expect(page).toContain('Submit application');
  });

  it('records a correct application and shows "Application submitted!"', async () => {
    const resume = pdf();
    const res = await post(server.ats.url + spec.url, correctPost(spec, { resume }));
    expect(res.status).toBe(303);
    expect(await (await fetch(server.ats.url + res.headers.get('location'))).text()).toContain(
      'Application submitted!',
    );
    const [submission] = await recorded(server.ats, { ats: 'lever' });
    expect(submission?.fields.name).toBe('Ada Lovelace');
    expect(submission?.fields['urls[LinkedIn]']).toBe(PROFILE.links.linkedin);
    expect(submission?.fields['eeo[gender]']).toBe('Female');
    expect(checkSubmission(spec, submission!, PROFILE, answersFor(spec), { resume: resume.sha256 })).toEqual([]);
  });

  it('refuses a missing resume and a bad URL, and answers a second application "already applied"', async () => {
    const bad = await post(server.ats.url + spec.url, correctPost(spec, {}, { 'urls[LinkedIn]': 'linkedin/ada' }));
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('There was an error submitting your application.');
    expect(text).toContain('This field is required');
    expect(text).toContain('Please enter a valid URL (https://...)');
    expect(await recorded(server.ats)).toEqual([]);

    await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }));
    const again = await post(server.ats.url + spec.url, correctPost(spec, { resume: pdf() }));
    expect(await again.text()).toContain('already applied to this job.');
    expect(await recorded(server.ats)).toHaveLength(1);
  });

  it('is filled in a browser: radio cards, the location suggestions and the resume upload', async () => {
    const page = await browser.newPage();
    await page.goto(server.ats.url + spec.url);
    const resume = pdf();
    await page
      .locator('#resume-upload-input')
      .setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: resume.data });
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(PROFILE.email);
    await page.getByLabel('Current location').pressSequentially('Lond');
    await page.getByRole('option', { name: 'London, England, United Kingdom' }).click();
    await page
      .getByRole('radiogroup', { name: /right to work in the United Kingdom/ })
      .getByLabel('Yes')
      .check();
    await page
      .getByRole('radiogroup', { name: /require sponsorship/ })
      .getByLabel('No')
      .check();
    // Lever's card questions are labelled only by the text next to them.
    await page.locator('li.custom-question', { hasText: 'salary expectations' }).locator('input').fill('95000');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('Application submitted!');
    const [submission] = await recorded(server.ats);
    expect(submission?.fields.location).toBe('London, England, United Kingdom');
    expect(submission?.files[0]?.sha256).toBe(resume.sha256);
  });
});

describe('Lever Postings API', () => {
  it('returns a bare list shaped like api.lever.co/v0/postings/<site>?mode=json', async () => {
    const res = await fetch(`${server.ats.url}/api/lever/v0/postings/orbitpay?mode=json`);
    const postings = (await res.json()) as Array<Record<string, unknown>>;
    expect(Array.isArray(postings)).toBe(true);
    const payouts = postings.find((p) => p.id === JOB);
    expect(payouts).toMatchObject({
      text: 'Backend Engineer, Payouts',
      categories: { commitment: 'Full-time', location: 'London, United Kingdom', team: 'Engineering' },
      workplaceType: 'onsite',
      country: 'GB',
      hostedUrl: `${server.ats.url}/lever/orbitpay/${JOB}`,
      applyUrl: `${server.ats.url}/lever/orbitpay/${JOB}/apply`,
      salaryRange: { currency: 'GBP', interval: 'per-year-salary', min: 85000, max: 110000 },
    });
    expect(payouts?.lists).toEqual([
      { text: "What you'll do", content: expect.stringMatching(/^<li>/) },
      { text: "What we're looking for", content: expect.stringMatching(/^<li>/) },
    ]);
    expect(typeof payouts?.createdAt).toBe('number');
    expect(postings.some((p) => String(p.text).includes('(closed)'))).toBe(false);
    const limited = (await (
      await fetch(`${server.ats.url}/api/lever/v0/postings/orbitpay?mode=json&limit=2`)
    ).json()) as unknown[];
    expect(limited).toHaveLength(2);
    const missing = await fetch(`${server.ats.url}/api/lever/v0/postings/nobody?mode=json`);
    expect([missing.status, await missing.json()]).toEqual([404, { ok: false, error: 'Document not found' }]);
  });
});
