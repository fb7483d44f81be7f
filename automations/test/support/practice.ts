// One practice ATS server and one browser per test file, plus the applicant's documents.
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { type PracticeAts, type PracticeJob, practiceJobs, startPracticeAts } from '../../src/practice-ats/index.ts';
import { launchBrowser } from '../../src/runner/browser.ts';
import { type Documents, writeDocuments } from './applicant.ts';

export interface PracticeWorld {
  ats: PracticeAts;
  browser: Browser;
  docs: Documents;
  /** The apply URL of a catalog posting on this file's server. */
  urlOf(job: PracticeJob): string;
  close(): Promise<void>;
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
    async close() {
      await launched.browser.close();
      await ats.close();
      await rm(docs.dir, { recursive: true, force: true });
    },
  };
}
