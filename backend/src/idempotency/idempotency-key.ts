// Idempotency keys: the first request with a key stores its response in the same transaction as
// its effect, written once at its end; a retry with the same key gets that response back and does
// nothing, and a concurrent retry waits on the first one's lock on the key (a transaction-scoped
// advisory lock), then replays its response. The swipe transaction does this inside its database function;
// a key names one request, by this hash.
import { createHash } from 'node:crypto';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestHash(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
