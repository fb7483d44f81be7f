// How well the engine applies, per ATS family and in total, on the practice ATS's tuned forms (the
// ones it was developed against) and its never-tuned split (forms written from the real sites'
// public descriptions, never used to tune it). One fixed applicant and answer sheet for both
// (practice-ats/src/never-tuned/applicant/), through the engine's public entry point `applyToJob`;
// the practice server's record of each submission is scored against the form's spec.
//
// Run: npm run bench -w @jobswipe/automations -- [--split never-tuned|tuned|both] [--runs 1]
// Prints per family: fields right (% of the profile-answerable fields of submittable forms),
// wrong answers, forms submitted / submittable, held forms held right, median seconds per
// application; writes every field's verdict to artifacts/bench/apply-<split>.json.
//
// Then the model pass (skip with --no-model): on the tuned split, two applicants in turn whose saved
// answers leave out every non-sensitive free-text question, with the scripted OpenAI-compatible
// model on loopback (the stand-in for a real one) drafting them and Stagehand operating their
// fields, the learned widget actions shared between the two as they are between users. Prints model
// calls per application for each applicant and the action cache's hit rate; writes
// artifacts/bench/apply-model.json.

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  APPLICANT_ANSWERS,
  APPLICANT_PROFILE,
  type Applicant,
  type ApplicationScore,
  formSpec,
  type PracticeJob,
  practiceJobs,
  type ScoreTotals,
  SPLITS,
  type Split,
  scoreApplication,
  startPracticeAts,
  totals,
} from '@jobswipe/practice-ats';
import type { ApplyOutcome } from '@jobswipe/protocol';
import { countryOfLocation } from '@jobswipe/protocol/countries';
import { distribution } from '@jobswipe/testkit/stats';
import { chromium } from 'playwright-core';
import { applyToJob } from '../src/runner/apply.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../src/runner/browser.ts';
import { modelBench } from './model.bench.ts';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '1' },
    model: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const splits: Split[] = values.split === 'both' ? [...SPLITS] : [values.split as Split];
if (splits.some((s) => !SPLITS.includes(s))) {
  console.error(`--split must be one of: ${SPLITS.join(', ')}, both (got "${values.split}").`);
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs) || 1);
/** One application that takes longer than this is a hang: it ends as a failure of that form. */
const APPLICATION_TIMEOUT_MS = 120_000;
const OUTPUT_DIR = new URL('../../artifacts/bench/', import.meta.url);

interface Run {
  job: PracticeJob;
  score: ApplicationScore;
  seconds: number;
  message: string | null;
}

/** A small real PDF standing in for the applicant's resume. */
async function writeResume(dir: string): Promise<{ path: string; sha256: string }> {
  const bytes = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Maren Okafor, Software Engineer, Seattle\n%%EOF\n',
  );
  const path = join(dir, 'Maren_Okafor_Resume.pdf');
  await writeFile(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function pct(right: number, of: number): string {
  return of === 0 ? '–' : `${((100 * right) / of).toFixed(1)} %`;
}

function row(name: string, t: ScoreTotals, seconds: number[]) {
  return {
    family: name,
    forms: t.forms,
    'fields right': `${pct(t.right, t.answerable)} (${t.right}/${t.answerable})`,
    'wrong answers': t.wrong,
    'submitted / submittable': `${t.submitted}/${t.submittable}`,
    'held right / to hold': `${t.held}/${t.toHold}`,
    'median s': seconds.length ? +(distribution(seconds).p50 / 1).toFixed(1) : Number.NaN,
  };
}

const ats = await startPracticeAts({ port: 0, dataFile: null });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const dir = await mkdtemp(join(tmpdir(), 'jobswipe-apply-bench-'));
try {
  const resume = await writeResume(dir);
  const applicant: Applicant = { profile: APPLICANT_PROFILE, answers: APPLICANT_ANSWERS, resumeSha256: resume.sha256 };
  for (const split of splits) {
    const jobs = practiceJobs(ats.url, split).filter((j) => j.scenario === 'normal');
    const results: Run[] = [];
    for (let r = 0; r < runs; r++) {
      for (const job of jobs) {
        const spec = formSpec(job.ats, job.externalId);
        // One application on record at a time: the store is the evidence of this run alone.
        ats.submissions.clear();
        const started = performance.now();
        let outcome: ApplyOutcome | 'crashed';
        let message: string | null;
        try {
          const result = await applyToJob({
            url: job.applyUrl,
            profile: APPLICANT_PROFILE,
            answers: APPLICANT_ANSWERS,
            resumePath: resume.path,
            mode: 'server',
            browser,
            account: { password: 'never-tuned bench password 1' },
            // What every host passes from the work order: the company and the country its location names.
            job: { company: job.company, country: countryOfLocation(job.location) },
            signal: AbortSignal.timeout(APPLICATION_TIMEOUT_MS),
          });
          outcome = result.outcome;
          message = result.message;
        } catch (err) {
          outcome = 'crashed';
          message = String(err);
        }
        const seconds = (performance.now() - started) / 1000;
        const [submission] = ats.submissions.list({ ats: job.ats, jobId: job.externalId });
        const score = scoreApplication(spec, { outcome, submission }, applicant);
        results.push({ job, score, seconds, message });
        const wrong = score.checks.filter((c) => c.verdict === 'wrong');
        console.error(
          `${split} ${job.ats} ${job.externalId}: ${outcome} (expected ${score.expected}), recorded: ${score.recorded}, ` +
            `${seconds.toFixed(1)} s${message ? ` — ${message.slice(0, 160)}` : ''}` +
            wrong.map((c) => `\n  wrong: ${c.label}: expected ${c.expected}, got ${JSON.stringify(c.actual)}`).join(''),
        );
      }
    }
    const families = [...new Set(results.map((x) => x.job.ats))];
    const table = families.map((family) => {
      const mine = results.filter((x) => x.job.ats === family);
      return row(
        family,
        totals(mine.map((x) => x.score)),
        mine.map((x) => x.seconds),
      );
    });
    table.push(
      row(
        'total',
        totals(results.map((x) => x.score)),
        results.map((x) => x.seconds),
      ),
    );
    console.log(`\n${split} split (${jobs.length} forms × ${runs} run${runs > 1 ? 's' : ''}):`);
    console.table(table);
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(
      new URL(`apply-${split}.json`, OUTPUT_DIR),
      JSON.stringify(
        {
          split,
          runs,
          date: new Date().toISOString(),
          table,
          applications: results.map(({ job, ...rest }) => ({ url: job.applyUrl, ...rest })),
        },
        null,
        2,
      ),
    );
  }
  if (values.model) {
    const figures = await modelBench(
      ats,
      practiceJobs(ats.url, 'tuned').filter((j) => j.scenario === 'normal'),
      resume.path,
    );
    console.log('\nmodel pass (tuned split, scripted model):');
    console.table(figures.table);
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(
      new URL('apply-model.json', OUTPUT_DIR),
      JSON.stringify({ date: new Date().toISOString(), ...figures }, null, 2),
    );
  }
} finally {
  await browser.close();
  await ats.close();
  await rm(dir, { recursive: true, force: true });
}
