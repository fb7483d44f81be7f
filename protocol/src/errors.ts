// The one error shape every API answer and device error frame uses, and the codes it may carry.
// The backend maps each code to an HTTP status in one place (backend/src/http/errors.ts).
import { z } from 'zod';

export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unauthenticated',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'stale_lease',
  'idempotency_mismatch',
  'already_applying',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'payment_required',
  'service_unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
