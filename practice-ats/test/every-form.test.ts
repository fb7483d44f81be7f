// Every normal posting's apply page renders in Chromium without a script error, and shows its
// form (or, for Workday, the job page's Apply button) in the page or in its iframe.
import { describe, expect, it } from 'vitest';
import { practiceJobs } from '../src/index.ts';
import { browserForFile } from './browser.ts';
import { practiceAtsForFile } from './server.ts';

const server = practiceAtsForFile();
const browser = browserForFile();
const NORMAL = practiceJobs('http://practice.invalid').filter((j) => j.scenario === 'normal');

describe('every practice form renders', () => {
  it.each(NORMAL.map((j) => [`${j.ats} ${j.title}`, j] as const))('%s', async (_name, job) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(job.applyUrl.replace('http://practice.invalid', server.ats.url));
    expect(res?.status()).toBe(200);
    // The form or Workday's Apply button, in the page itself or in a frame (embed, iCIMS).
    const ready = 'form input, form spl-input, form spl-dropzone, [data-automation-id=adventureButton]';
    await expect
      .poll(async () => {
        const counts = await Promise.all(page.frames().map((f) => f.locator(ready).count()));
        return counts.some((n) => n > 0);
      })
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
