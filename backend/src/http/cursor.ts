// Opaque keyset-pagination cursors: the sort key of the last item, base64url-encoded. Stable
// under inserts (no offsets), and a tampered cursor is a 400, not a 500.
import { z } from 'zod';
import { AppError } from './errors.ts';

const Key = z.tuple([z.string().datetime(), z.string().uuid()]);
/** A ranked list's key: the rank first (the deck's fit). */
const RankedKey = z.tuple([z.number().int(), z.string().datetime(), z.string().uuid()]);

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = parseCursor(Key, cursor);
  return { at: new Date(at), id };
}

export function encodeRankedCursor(key: { fit: number; at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([key.fit, key.at.toISOString(), key.id])).toString('base64url');
}

export function decodeRankedCursor(cursor: string): { fit: number; at: Date; id: string } {
  const [fit, at, id] = parseCursor(RankedKey, cursor);
  return { fit, at: new Date(at), id };
}

function parseCursor<T extends z.ZodType>(key: T, cursor: string): z.infer<T> {
  try {
    return key.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError(
      'validation_failed',
      'Invalid query: cursor: use the nextCursor value of the previous page as is.',
    );
  }
}
