// The one error type the API throws, and the one mapping from its codes to HTTP statuses. A
// handler throws `new AppError(...)`; the error middleware renders `{ error: { code, message,
// details? } }` and never a stack trace.
import type { ErrorBody, ErrorCode } from '@jobswipe/protocol';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  stale_lease: 409,
  idempotency_mismatch: 422,
  already_applying: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  payment_required: 402,
  service_unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** The caller's own resource that does not exist; also what another user's id answers. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found.`);
}
