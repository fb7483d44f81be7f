// Idempotency keys: the first request with a key stores its response in the same transaction as
// its effect; a retry with the same key gets that response back and does nothing. A concurrent
// retry waits on the first one's uncommitted key row, then replays its response.
import { createHash } from 'node:crypto';
import type { Prisma, Tx } from '@jobswipe/db';
import { AppError } from '../http/errors.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestHash(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** Takes the key for this request; returns the stored response when the key was used before. */
export async function takeKey(tx: Tx, userId: string, key: string, hash: string): Promise<StoredResponse | null> {
  const inserted = await tx.$executeRaw`
    insert into idempotency_keys (user_id, key, request_hash, response_status, response_body)
    values (${userId}::uuid, ${key}, ${hash}, 0, 'null'::jsonb)
    on conflict (user_id, key) do nothing`;
  if (inserted === 1) return null;
  const first = await tx.idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId, key } } });
  if (first.requestHash !== hash) {
    throw new AppError(
      'idempotency_mismatch',
      'This idempotency key was already used for a different request. Use a new key for a new request.',
    );
  }
  return { status: first.responseStatus, body: first.responseBody };
}

export async function storeResponse(tx: Tx, userId: string, key: string, response: StoredResponse): Promise<void> {
  await tx.idempotencyKey.update({
    where: { userId_key: { userId, key } },
    data: { responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue },
  });
}
