// Every application the practice ATS accepted, in memory and optionally mirrored to a JSON file
// (PRACTICE_ATS_DATA, uploads beside it in <file>.files/), with the uploaded bytes kept so tests
// and the demo can check they arrived intact.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AtsKind } from '../spec/form-spec.ts';

export interface StoredFile {
  field: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface Submission {
  id: string;
  ats: AtsKind;
  board: string;
  jobId: string;
  /** The applicant's email as the form recorded it (lower case), to find earlier applications. */
  email: string | null;
  fields: Record<string, string | string[]>;
  files: StoredFile[];
  submittedAt: string;
  remoteAddress: string;
  via: string | null;
  userAgent: string | null;
}

export type NewSubmission = Omit<Submission, 'id' | 'submittedAt'>;

export interface SubmissionFilter {
  ats?: string;
  board?: string;
  jobId?: string;
  email?: string;
}

export class SubmissionStore {
  readonly #records: Submission[] = [];
  readonly #bytes = new Map<string, Buffer>();
  readonly #file: string | null;

  /** `file`: a JSON file to load earlier records from and to rewrite after every change. */
  constructor(file: string | null = null) {
    this.#file = file;
    if (file) this.#records.push(...loadRecords(file));
  }

  add(record: NewSubmission, bytes: ReadonlyMap<string, Buffer> = new Map()): Submission {
    const stored: Submission = { id: randomUUID(), submittedAt: new Date().toISOString(), ...record };
    this.#records.push(stored);
    for (const [field, data] of bytes) {
      this.#bytes.set(`${stored.id}/${field}`, data);
      if (this.#file) {
        mkdirSync(join(`${this.#file}.files`, stored.id), { recursive: true });
        writeFileSync(this.#filePath(stored.id, field), data);
      }
    }
    this.#save();
    return stored;
  }

  list(filter: SubmissionFilter = {}): Submission[] {
    const email = filter.email?.toLowerCase();
    return this.#records.filter(
      (r) =>
        (filter.ats === undefined || r.ats === filter.ats) &&
        (filter.board === undefined || r.board === filter.board) &&
        (filter.jobId === undefined || r.jobId === filter.jobId) &&
        (email === undefined || r.email === email),
    );
  }

  get(id: string): Submission | undefined {
    return this.#records.find((r) => r.id === id);
  }

  /** The uploaded bytes of one file field of a submission. */
  fileBytes(id: string, field: string): Buffer | undefined {
    const kept = this.#bytes.get(`${id}/${field}`);
    if (kept || !this.#file || !this.get(id)) return kept;
    try {
      return readFileSync(this.#filePath(id, field));
    } catch {
      return undefined;
    }
  }

  /** Field names like job_application[resume] become safe file names. */
  #filePath(id: string, field: string): string {
    return join(`${this.#file}.files`, id, encodeURIComponent(field));
  }

  clear(): void {
    this.#records.length = 0;
    this.#bytes.clear();
    if (this.#file) rmSync(`${this.#file}.files`, { recursive: true, force: true });
    this.#save();
  }

  #save(): void {
    if (!this.#file) return;
    // Write then rename, so a crash never leaves half a file behind.
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.#records, null, 2));
    renameSync(tmp, this.#file);
  }
}

function loadRecords(file: string): Submission[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) {
    throw new Error(`PRACTICE_ATS_DATA file ${file} does not hold a JSON array of submissions; delete it or fix it.`);
  }
  return parsed as Submission[];
}
