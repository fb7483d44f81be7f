// What the page says after the final click, read by the in-page core in a real Chromium: a
// confirmation shown only inside the frame the form was in, or said in a sentence naming the job.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/runner/browser.ts';
import { coreBundle } from '../../src/runner/core-bundle.ts';
import { startWidgetSite, type WidgetSite } from '../support/widget-pages.ts';

let browser: Browser;
let page: Page;
let site: WidgetSite;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser().then((l) => l.browser), startWidgetSite()]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function afterSubmitOn(path: string) {
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  await page.evaluate(await coreBundle());
  return page.evaluate(() => globalThis.__jobswipeCore!.afterSubmit());
}

describe('afterSubmit', () => {
  it('sees the thank-you page the form’s frame moved to, from the page around it', async () => {
    expect(await afterSubmitOn('/framed')).toMatchObject({ status: 'submitted' });
  });

  it('reads "Your application for <job> has been submitted successfully" as a confirmation', async () => {
    expect(await afterSubmitOn('/framed-sentence')).toMatchObject({ status: 'submitted' });
  });
});
