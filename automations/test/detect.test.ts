// ATS detection: hosted boards by URL; every practice posting (served from 127.0.0.1, so only its
// DOM can tell) by its markup, including a Greenhouse form embedded in a company page's iframe.

import { type PracticeAts, startPracticeAts } from '@jobswipe/practice-ats';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAtsFromUrl } from '../src/detect/ats.ts';
import { launchBrowser } from '../src/runner/browser.ts';
import { coreBundle } from '../src/runner/core-bundle.ts';
import { catalog } from './support/practice.ts';

let ats: PracticeAts;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  [ats, { browser }] = await Promise.all([startPracticeAts({ port: 0 }), launchBrowser()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await ats?.close();
});

describe('detectAtsFromUrl', () => {
  it.each([
    ['https://boards.greenhouse.io/acme/jobs/123', 'greenhouse'],
    ['https://job-boards.greenhouse.io/acme/jobs/123', 'greenhouse'],
    ['https://www.acme.com/careers?gh_jid=123', 'greenhouse'],
    ['https://jobs.lever.co/acme/0b5e8d2f/apply', 'lever'],
    ['https://jobs.ashbyhq.com/acme/3b8e6f1a/application', 'ashby'],
    ['https://acme.wd5.myworkdayjobs.com/External/job/Remote/Engineer_R-1', 'workday'],
    ['https://jobs.smartrecruiters.com/Acme/744000012345678', 'smartrecruiters'],
    ['https://careers-acme.icims.com/jobs/1042/engineer/login', 'icims'],
    ['https://apply.workable.com/acme/j/B7C1D2E3F4/apply', 'workable'],
    ['https://www.acme.com/careers/engineer', null],
    ['not a url', null],
  ])('%s → %s', (url, kind) => {
    expect(detectAtsFromUrl(url)).toBe(kind);
  });
});

describe('detection from the page', () => {
  const postings = [...catalog('normal')].map((j) => [`${j.ats}/${j.externalId}`, j] as const);
  it.each(postings)('%s', async (_n, job) => {
    await page.goto(job.applyUrl.replace('http://practice.invalid', ats.url));
    await page.evaluate(await coreBundle());
    const kind = await page.evaluate(() => globalThis.__jobswipeCore!.detectAts());
    expect(kind).toBe(job.ats === 'careers' ? 'generic' : job.ats);
  });
});
