// Finding an ATS's postings by the board and id in a request's URL.

import type { Posting } from '../catalog/posting.ts';
import { POSTINGS } from '../catalog/postings.ts';
import type { AtsKind } from '../spec/form-spec.ts';

export interface PostingLookup {
  board(board: string): Posting[];
  posting(board: string, id: string): Posting | undefined;
  byId(id: string): Posting | undefined;
}

export function postingsOf(ats: AtsKind, filter: (p: Posting) => boolean = () => true): PostingLookup {
  const own = POSTINGS.filter((p) => p.ats === ats && filter(p));
  return {
    board: (board) => own.filter((p) => p.company.board.toLowerCase() === board.toLowerCase()),
    posting: (board, id) =>
      own.find((p) => p.company.board.toLowerCase() === board.toLowerCase() && p.externalId === id),
    byId: (id) => own.find((p) => p.externalId === id),
  };
}
