// Opaque keyset-pagination cursors: the sort key of the last item, base64url-encoded. Stable
// under inserts (no offsets), and a tampered cursor is a 400, not a 500.
import { z } from 'zod';
import { AppError } from './errors.ts';

const Key = z.tuple([z.string().datetime(), z.string().uuid()]);

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = Key.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at: new Date(at), id };
  } catch {
    throw new AppError(
      'validation_failed',
      'Invalid query: cursor: use the nextCursor value of the previous page as is.',
    );
  }
}
