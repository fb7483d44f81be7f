import { chromium } from 'playwright-core';
import { practiceJobs, startPracticeAts } from './src/index.ts';

const ats = await startPracticeAts({ port: 0, dataFile: null });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const which = process.argv[2];
for (const job of practiceJobs(ats.url, 'never-tuned').filter((j) => !which || j.ats === which)) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const res = await page.goto(job.applyUrl);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/nt/${job.ats}.png`, fullPage: true });
  console.log(
    job.ats,
    res?.status(),
    errors,
    (await page.locator('body').innerText()).slice(0, 200).replace(/\n/g, ' | '),
  );
}
await browser.close();
await ats.close();
