// Signed, expiring download links. An executor holding a lease gets one for the user's resume and
// fetches it without any user credentials: the HMAC over (kind, id, expiry) is the permission.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';

export type SignedFileKind = 'resume';

/** A key of its own, derived from the JWT secret, so a signature is never also a valid token. */
function signingKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('jobswipe:signed-file-url:v1').digest();
}

function signature(jwtSecret: string, kind: SignedFileKind, id: string, exp: number): Buffer {
  return createHmac('sha256', signingKey(jwtSecret)).update(`${kind}:${id}:${exp}`).digest();
}

/** An absolute URL under PUBLIC_URL that serves the resume until `expiresAt`. */
export function signedResumeUrl(ctx: Pick<AppContext, 'config'>, resumeId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const sig = signature(ctx.config.jwtSecret, 'resume', resumeId, exp).toString('base64url');
  const url = new URL(`/v1/files/resumes/${encodeURIComponent(resumeId)}`, ctx.config.publicUrl);
  url.search = new URLSearchParams({ exp: String(exp), sig }).toString();
  return url.toString();
}

/** Throws 403 unless `sig` is this server's signature of (kind, id, exp) and exp is in the future. */
export function verifyFileSignature(
  jwtSecret: string,
  kind: SignedFileKind,
  id: string,
  query: { exp?: unknown; sig?: unknown },
  now = Date.now(),
): void {
  const exp = typeof query.exp === 'string' && /^\d{1,12}$/.test(query.exp) ? Number(query.exp) : null;
  const given = typeof query.sig === 'string' ? Buffer.from(query.sig, 'base64url') : null;
  if (exp === null || !given) {
    throw new AppError('forbidden', 'This download link is incomplete: it needs its exp and sig parameters.');
  }
  const expected = signature(jwtSecret, kind, id, exp);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('forbidden', 'This download link is not valid. Ask for a new one.');
  }
  if (exp * 1000 <= now) throw new AppError('forbidden', 'This download link has expired. Ask for a new one.');
}
