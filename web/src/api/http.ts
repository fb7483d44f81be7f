// The transport under every API call: JSON in and out, the API's error shape turned into an
// ApiError, and a failed connection turned into a NetworkError (the browser is offline or the
// server is unreachable), so callers can tell "try again later" from "this was refused".
import type { ErrorBody, ErrorCode } from '@jobswipe/protocol';

export type Fetch = typeof fetch;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Could not reach JobSwipe. Check your connection; we will keep trying.', { cause });
    this.name = 'NetworkError';
  }
}

export interface JsonRequest {
  method?: string;
  body?: unknown;
  /** A multipart or raw body; sent as is. */
  raw?: BodyInit;
  token?: string | null;
  signal?: AbortSignal;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Sends one request and answers with the parsed JSON body (undefined for 204). */
export async function requestJson<T>(fetchFn: Fetch, url: string, req: JsonRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  let body: BodyInit | undefined = req.raw;
  if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: req.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: req.signal,
    });
  } catch (err) {
    if (req.signal?.aborted) throw err;
    throw new NetworkError(err);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (res.ok) return parsed as T;
  if (isErrorBody(parsed)) {
    throw new ApiError(res.status, parsed.error.code, parsed.error.message, parsed.error.details);
  }
  // A proxy or a server that is down answers without our error shape.
  if (res.status >= 500) throw new NetworkError(new Error(`HTTP ${res.status}`));
  throw new ApiError(res.status, 'internal', `The server answered ${res.status}.`);
}
