// Short-lived access tokens: HS256 JWTs carrying the user id and role. A token once verified is
// remembered until it expires: every request carries one, the same one for its whole lifetime, and
// checking its signature (WebCrypto, asynchronous) was a quarter of a swipe's CPU time. Only a token
// that passed verification is remembered, under its exact text, so nothing unverified is believed.
import type { UserRole } from '@jobswipe/protocol';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError } from '../http/errors.ts';

export interface AccessClaims {
  userId: string;
  role: UserRole;
  /** The sign-in (refresh token family) it was issued for: signing out ends what it opened. */
  sessionId: string;
}

export interface VerifiedAccess extends AccessClaims {
  expiresAt: Date;
}

const ISSUER = 'jobswipe';
const AUDIENCE = 'jobswipe-api';

/** Tokens remembered at most: about 10 MB at most for 20,000 signed-in users' current tokens. */
const REMEMBERED = 20_000;

export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly verified = new LRUCache<string, VerifiedAccess>({ max: REMEMBERED });

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    // exp is in whole seconds: report the instant the token really expires.
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + this.ttlSeconds) * 1000);
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<VerifiedAccess> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        // jose accepts a token without `exp` as never expiring: ours always carry one.
        requiredClaims: ['exp', 'sub'],
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        typeof payload.exp !== 'number' ||
        (payload.role !== 'user' && payload.role !== 'operator')
      ) {
        throw new AppError('unauthenticated', 'The access token is malformed. Sign in again.');
      }
      const claims: VerifiedAccess = {
        userId: payload.sub,
        role: payload.role,
        sessionId: payload.sid,
        expiresAt: new Date(payload.exp * 1000),
      };
      // Forgotten when it expires, so an expired token is verified again and refused as expired.
      const ttl = payload.exp * 1000 - Date.now();
      if (ttl > 0) this.verified.set(token, claims, { ttl });
      return claims;
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof joseErrors.JWTExpired) {
        throw new AppError('token_expired', 'The access token has expired. Refresh it with POST /v1/auth/refresh.');
      }
      throw new AppError('unauthenticated', 'The access token is invalid. Sign in again.');
    }
  }
}
