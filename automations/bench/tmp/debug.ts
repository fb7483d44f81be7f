// TEMPORARY debug (not committed): the engine's own decisions on chosen practice forms.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICANT_ANSWERS, APPLICANT_PROFILE, practiceJobs, startPracticeAts, type Split } from '@jobswipe/practice-ats';
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { chromium } from 'playwright-core';
import { applyToJob } from '../../src/runner/apply.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../src/runner/browser.ts';

const [split, family, dry] = process.argv.slice(2) as [Split, string, string?];
const ats = await startPracticeAts({ port: 0, dataFile: null });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const orig = browser.newContext.bind(browser);
(browser as { newContext: typeof orig }).newContext = async (o) => {
  const ctx = await orig(o);
  ctx.on('console', (m) => { if (m.text().startsWith('DBG')) console.log(m.text()); });
  return ctx;
};
const dir = await mkdtemp(join(tmpdir(), 'dbg-'));
const bytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Maren Okafor\n%%EOF\n');
const resumePath = join(dir, 'Maren_Okafor_Resume.pdf');
await writeFile(resumePath, bytes);
void createHash;
for (const job of practiceJobs(ats.url, split).filter((j) => j.scenario === 'normal' && j.ats === family)) {
  const r = await applyToJob({
    url: job.applyUrl, profile: APPLICANT_PROFILE, answers: APPLICANT_ANSWERS, resumePath, mode: 'server', browser,
    account: { password: 'never-tuned bench password 1' }, dryRun: dry === 'dry',
    job: { company: job.company, country: countryOfLocation(job.location) },
    onProgress: (p) => { console.log('progress', JSON.stringify(p)); },
  });
  console.log(job.applyUrl, r.outcome, r.message);
  for (const f of r.filled) console.log('  filled', JSON.stringify(f));
  for (const q of r.unanswered) console.log('  unanswered', JSON.stringify(q));
}
await browser.close();
await ats.close();
