// Rotating refresh tokens. Each sign-in starts a family; every refresh uses up the presented token
// and issues the next one. Presenting a used token again means it was copied: the whole family is
// revoked and the user must sign in again (OAuth 2.0 Security BCP, refresh token rotation).
import type { Database } from '@jobswipe/db';
import { audit } from '../audit/audit-log.ts';
import { AppError } from '../http/errors.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

interface Origin {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** A used refresh token came back: its family (one sign-in) is revoked everywhere. */
export class RefreshTokenReused extends AppError {
  constructor(
    readonly userId: string,
    readonly familyId: string,
  ) {
    super(
      'unauthenticated',
      'This refresh token was already used. To keep your account safe, this sign-in has been ended everywhere: sign in again.',
    );
  }
}

export class RefreshSessions {
  constructor(
    private readonly db: Database,
    private readonly ttlSeconds: number,
  ) {}

  /** Starts a new family (a new sign-in) and returns its first token. */
  async start(userId: string, origin: Origin): Promise<{ token: string; familyId: string }> {
    const familyId = crypto.randomUUID();
    return { token: await this.insert(this.db.prisma, userId, familyId, origin), familyId };
  }

  /** Uses up `token` and returns the user and the family's next token. */
  async rotate(token: string, origin: Origin): Promise<{ userId: string; token: string; familyId: string }> {
    const tokenHash = hashToken(token);
    const outcome = await this.db.prisma.$transaction(async (tx) => {
      const used = await tx.$queryRaw<{ user_id: string; family_id: string }[]>`
        update refresh_sessions set used_at = now()
        where token_hash = ${tokenHash} and used_at is null and revoked_at is null and expires_at > now()
        returning user_id, family_id`;
      const live = used[0];
      if (live) {
        const next = await this.insert(tx, live.user_id, live.family_id, origin);
        return { userId: live.user_id, token: next, familyId: live.family_id };
      }

      const known = await tx.refreshSession.findUnique({ where: { tokenHash } });
      if (known?.usedAt && !known.revokedAt) {
        await tx.refreshSession.updateMany({
          where: { familyId: known.familyId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        await audit(tx, {
          userId: known.userId,
          action: 'refresh_token_reuse',
          ...origin,
          data: { familyId: known.familyId },
        });
        return new RefreshTokenReused(known.userId, known.familyId);
      }
      return 'invalid' as const;
    });
    if (outcome instanceof RefreshTokenReused) throw outcome;
    if (outcome === 'invalid')
      throw new AppError('unauthenticated', 'The refresh token is invalid or expired. Sign in again.');
    return outcome;
  }

  /** Ends the sign-in the token belongs to (logout). Unknown tokens are ignored. */
  async revokeFamily(token: string): Promise<{ userId: string; familyId: string } | null> {
    const row = await this.db.prisma.refreshSession.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!row) return null;
    await this.db.prisma.refreshSession.updateMany({
      where: { familyId: row.familyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return { userId: row.userId, familyId: row.familyId };
  }

  private async insert(
    db: Pick<Database['prisma'], 'refreshSession'>,
    userId: string,
    familyId: string,
    origin: Origin,
  ) {
    const token = newSecretToken('rt');
    await db.refreshSession.create({
      data: {
        userId,
        familyId,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + this.ttlSeconds * 1000),
        userAgent: origin.userAgent?.slice(0, 300) ?? null,
      },
    });
    return token;
  }
}
