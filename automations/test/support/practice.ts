// One practice ATS server and one browser per test file, plus the applicant's documents.
import { rm } from 'node:fs/promises';
import { formSpec, type PracticeAts, type PracticeJob, practiceJobs, startPracticeAts } from '@jobswipe/practice-ats';
import type { ApplyResult } from '@jobswipe/protocol';
import { countryOfLocation } from '@jobswipe/protocol/countries';
import type { JobContext } from '@jobswipe/protocol/device';
import type { Browser } from 'playwright-core';
import { type ApplyOptions, applyToJob } from '../../src/runner/apply.ts';
import { launchBrowser } from '../../src/runner/browser.ts';
import { ACCOUNT, type Documents, earlierReplies, PROFILE, sheetAnswers, writeDocuments } from './applicant.ts';

export interface PracticeWorld {
  ats: PracticeAts;
  browser: Browser;
  docs: Documents;
  /** The apply URL of a catalog posting on this file's server. */
  urlOf(job: PracticeJob): string;
  /**
   * Applies to a catalog posting as the test applicant in server mode: profile, answer sheet, the
   * replies they gave when asked on an earlier attempt, resume, account.
   */
  apply(job: PracticeJob, extra?: Partial<ApplyOptions>): Promise<ApplyResult>;
  /** What the practice ATS recorded for a posting. */
  recorded(job: PracticeJob): ReturnType<PracticeAts['submissions']['list']>;
  close(): Promise<void>;
}

/** What a host passes about the job: its company, and the country its location names (as the importer parses it). */
export function jobContext(job: PracticeJob): JobContext {
  return { company: job.company, country: countryOfLocation(job.location) };
}

/** The practice postings of a scenario, known before any server starts (for test names). */
export function catalog(scenario = 'normal'): PracticeJob[] {
  return practiceJobs(CATALOG_BASE).filter((j) => j.scenario === scenario);
}

const CATALOG_BASE = 'http://practice.invalid';

export async function startWorld(): Promise<PracticeWorld> {
  const [ats, launched, docs] = await Promise.all([startPracticeAts({ port: 0 }), launchBrowser(), writeDocuments()]);
  return {
    ats,
    browser: launched.browser,
    docs,
    urlOf: (job) => job.applyUrl.replace(CATALOG_BASE, ats.url),
    apply: (job, extra = {}) =>
      applyToJob({
        url: job.applyUrl.replace(CATALOG_BASE, ats.url),
        profile: PROFILE,
        answers: { ...sheetAnswers(), ...earlierReplies(formSpec(job.ats, job.externalId)) },
        resumePath: docs.resumePath,
        coverLetterPath: docs.coverLetterPath,
        mode: 'server',
        browser: launched.browser,
        account: ACCOUNT,
        job: jobContext(job),
        ...extra,
      }),
    recorded: (job) => ats.submissions.list({ ats: job.ats, jobId: job.externalId }),
    async close() {
      await launched.browser.close();
      await ats.close();
      await rm(docs.dir, { recursive: true, force: true });
    },
  };
}
