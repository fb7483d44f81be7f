// Seconds per application and fields filled per second, per ATS, against the practice ATS.
// Run: npx tsx bench/apply.bench.ts [--runs 3]

import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formSpec, practiceJobs, startPracticeAts } from '@jobswipe/practice-ats';
import { applyToJob } from '../src/runner/apply.ts';
import { launchBrowser } from '../src/runner/browser.ts';
import { ACCOUNT, applicantAnswers, PROFILE, writeDocuments } from '../test/support/applicant.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const ats = await startPracticeAts({ port: 0 });
const { browser } = await launchBrowser();
const docs = await writeDocuments();
const rows: Array<{
  ats: string;
  runs: number;
  failed: number;
  seconds: number;
  fields: number;
  fieldsPerSecond: number;
}> = [];
try {
  const jobs = practiceJobs(ats.url).filter((j) => j.scenario === 'normal');
  for (const kind of [...new Set(jobs.map((j) => j.ats))]) {
    const ofKind = jobs.filter((j) => j.ats === kind);
    const seconds: number[] = [];
    const fields: number[] = [];
    let failed = 0;
    for (let i = 0; i < runs; i++) {
      const job = ofKind[i % ofKind.length]!;
      const started = performance.now();
      const result = await applyToJob({
        url: job.applyUrl,
        profile: { ...PROFILE, email: `bench-${kind}-${i}@example.org` },
        answers: applicantAnswers(formSpec(job.ats, job.externalId)),
        resumePath: docs.resumePath,
        coverLetterPath: docs.coverLetterPath,
        mode: 'server',
        browser,
        account: ACCOUNT,
      });
      const elapsed = (performance.now() - started) / 1000;
      if (result.outcome !== 'submitted') {
        failed++;
        console.error(`${kind} ${job.externalId}: ${result.outcome}: ${result.message}`);
        continue;
      }
      seconds.push(elapsed);
      fields.push(result.filled.length);
    }
    const s = seconds.length ? median(seconds) : Number.NaN;
    const f = fields.length ? median(fields) : 0;
    rows.push({ ats: kind, runs, failed, seconds: +s.toFixed(2), fields: f, fieldsPerSecond: +(f / s).toFixed(1) });
  }
} finally {
  await browser.close();
  await ats.close();
  await rm(docs.dir, { recursive: true, force: true });
}
console.table(rows);
