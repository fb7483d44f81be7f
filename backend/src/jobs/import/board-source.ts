// Which board an import reads: one of the three public job-board APIs, by name.
import type { AddressCheck } from '../../egress/address-check.ts';
import { ASHBY_API, ashbyJobs } from './ashby.ts';
import { GREENHOUSE_API, greenhouseJobs } from './greenhouse.ts';
import type { ImportedJob } from './imported-job.ts';
import { LEVER_API, leverJobs } from './lever.ts';

export type BoardKind = 'greenhouse' | 'lever' | 'ashby';

export interface BoardSource {
  kind: BoardKind;
  board: string;
  /** API root; the practice ATS serves them under {practice}/api/{kind}. */
  baseUrl?: string;
  /** Company name where the API has none (Lever, Ashby); defaults to the board name. */
  company?: string;
}

export const DEFAULT_API: Record<BoardKind, string> = {
  greenhouse: GREENHOUSE_API,
  lever: LEVER_API,
  ashby: ASHBY_API,
};

/** The board's postings; every request (redirects included) passes `check`, the SSRF guard. */
export function fetchBoard(source: BoardSource, check: AddressCheck): Promise<ImportedJob[]> {
  const base = source.baseUrl ?? DEFAULT_API[source.kind];
  switch (source.kind) {
    case 'greenhouse':
      return greenhouseJobs(check, source.board, base);
    case 'lever':
      return leverJobs(check, source.board, base, source.company);
    case 'ashby':
      return ashbyJobs(check, source.board, base, source.company);
  }
}
