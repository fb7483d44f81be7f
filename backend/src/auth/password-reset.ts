// "Forgot password": a link with a one-time token, mailed to the account's address, that sets a
// new password and ends every sign-in of the account. The answer to a request never says whether
// the address has an account; only the mail does, to the address's owner.
import type { Database } from '@jobswipe/db';
import { audit } from '../audit/audit-log.ts';
import { AppError } from '../http/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { checkNewPassword } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

/** A reset link works this long. */
export const RESET_TTL_MS = 60 * 60 * 1000;

export interface Origin {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export async function requestPasswordReset(
  db: Database,
  mailer: Mailer,
  publicUrl: string,
  email: string,
  origin: Origin,
): Promise<void> {
  const user = await db.prisma.user.findUnique({ where: { email } });
  if (!user) return;
  const token = newSecretToken('pr');
  await db.prisma.passwordReset.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  await audit(db.prisma, { userId: user.id, action: 'password_reset_requested', ...origin });
  const link = new URL('/reset-password', publicUrl);
  link.searchParams.set('token', token);
  await mailer.send({
    to: user.email,
    subject: 'Reset your JobSwipe password',
    text: [
      'Someone (we hope you) asked to reset the password of your JobSwipe account.',
      '',
      `Choose a new password here within the hour: ${link.href}`,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  });
}

/** Sets the new password if the token is valid and unused; every existing sign-in ends. */
export async function resetPassword(db: Database, token: string, password: string, origin: Origin): Promise<void> {
  // Checked before the link is used up, so a refused password can be replaced with the same link.
  const pending = await db.prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { email: true } } },
  });
  if (pending) checkNewPassword(password, pending.user.email);
  const passwordHash = await hashPassword(password);
  await db.prisma.$transaction(async (tx) => {
    const used = await tx.passwordReset.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) {
      throw new AppError(
        'validation_failed',
        'This reset link is invalid, already used or expired. Ask for a new one from the sign-in page.',
      );
    }
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.refreshSession.updateMany({
      where: { userId: reset.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(tx, { userId: reset.userId, action: 'password_reset', ...origin });
  });
}
