// The applications this computer finished today (local time), newest first: kept in the app's
// data folder so that a restart in the afternoon still lists the morning's results.
import { z } from 'zod';
import { readPrivateJson, writePrivateJson } from '../agent/private-file.ts';
import type { Result } from '../shared/ipc.ts';

const ResultFile = z.array(
  z.object({
    applicationId: z.string(),
    company: z.string(),
    title: z.string(),
    status: z.string(),
    errorClass: z.string().nullable(),
    at: z.string(),
  }),
);

function localDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-CA');
}

export class TodayResults {
  private results: Result[] = [];

  constructor(readonly location: string) {}

  async load(): Promise<void> {
    // A damaged file only costs the list of what ended earlier today.
    const saved = await readPrivateJson(this.location, ResultFile, '').catch(() => null);
    this.results = this.ofToday(saved ?? []);
  }

  get list(): Result[] {
    return this.ofToday(this.results);
  }

  /** The latest end of an application replaces an earlier one of the same application. */
  async add(result: Result): Promise<void> {
    const { applicationId, company, title, status, errorClass, at } = result;
    this.results = [
      { applicationId, company, title, status, errorClass, at },
      ...this.ofToday(this.results).filter((r) => r.applicationId !== applicationId),
    ];
    await writePrivateJson(this.location, this.results).catch(() => {});
  }

  private ofToday(results: Result[]): Result[] {
    const day = localDay(new Date().toISOString());
    return results.filter((r) => localDay(r.at) === day);
  }
}
