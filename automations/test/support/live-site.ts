// What a file of live tests shares: a site served over a real socket, a Chromium and the
// applicant's documents, started before its tests and closed after them.
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../src/runner/browser.ts';
import { type Documents, writeDocuments } from './applicant.ts';

export interface Live<S> {
  site: S;
  browser: Browser;
  docs: Documents;
}

/** Registers the start and the teardown; the fields are set once the file's tests run. */
export function liveSite<S extends { close(): Promise<void> }>(start: () => Promise<S>): Live<S> {
  const live = {} as Partial<Live<S>>;
  beforeAll(async () => {
    const started = await Promise.all([start(), launchBrowser(), writeDocuments()]);
    Object.assign(live, { site: started[0], browser: started[1].browser, docs: started[2] });
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.site?.close();
    if (live.docs) await rm(live.docs.dir, { recursive: true, force: true });
  });
  return live as Live<S>;
}
