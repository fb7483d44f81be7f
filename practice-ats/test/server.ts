// Starting and stopping the practice ATS for a test file, and reading what it recorded.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type PracticeAts, type Submission, startPracticeAts } from '../src/index.ts';

/** One practice ATS per test file, emptied before each test. */
export function practiceAtsForFile(): { readonly ats: PracticeAts } {
  const holder: { ats?: PracticeAts } = {};
  beforeAll(async () => {
    holder.ats = await startPracticeAts({ port: 0, dataFile: null });
  });
  beforeEach(() => {
    holder.ats?.submissions.clear();
    holder.ats?.requests.clear();
  });
  afterAll(async () => {
    await holder.ats?.close();
  });
  return {
    get ats() {
      if (!holder.ats) throw new Error('The practice ATS is not started yet (use it inside a test).');
      return holder.ats;
    },
  };
}

export async function recorded(ats: PracticeAts, query: Record<string, string> = {}): Promise<Submission[]> {
  const res = await fetch(`${ats.url}/__practice/submissions?${new URLSearchParams(query)}`);
  return (await res.json()) as Submission[];
}

/** A POST that does not follow redirects, so the test sees the ATS's own answer. */
export function post(url: string, body: FormData): Promise<Response> {
  return fetch(url, { method: 'POST', body, redirect: 'manual' });
}
