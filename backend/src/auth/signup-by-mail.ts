// Sign-up when mail is set up: the answer never says whether the address has an account. A new
// address gets a one-time link that makes the account and signs in; an address that has an account
// gets a mail saying so (sign in, or reset the password). Either way, only the address's owner learns.
import type { Database } from '@jobswipe/db';
import { audit } from '../audit/audit-log.ts';
import { AppError } from '../http/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Origin } from './password-reset.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

/** A sign-up link works this long. */
export const SIGNUP_TTL_MS = 24 * 60 * 60 * 1000;

export async function requestSignup(
  db: Database,
  mailer: Mailer,
  publicUrl: string,
  signup: { email: string; passwordHash: string },
  origin: Origin,
): Promise<void> {
  const existing = await db.prisma.user.findUnique({ where: { email: signup.email } });
  await audit(db.prisma, { userId: existing?.id ?? null, action: 'signup_requested', ...origin });
  if (existing) {
    await mailer.send({
      to: signup.email,
      subject: 'You already have a JobSwipe account',
      text: [
        'Someone (we hope you) tried to create a JobSwipe account with this address, which already has one.',
        '',
        `Sign in here: ${new URL('/signin', publicUrl).href}`,
        `Forgot the password? Choose a new one: ${new URL('/forgot-password', publicUrl).href}`,
        '',
        'If it was not you, ignore this mail: nothing changed.',
      ].join('\n'),
    });
    return;
  }
  const token = newSecretToken('su');
  await db.prisma.signupConfirmation.create({
    data: {
      email: signup.email,
      passwordHash: signup.passwordHash,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + SIGNUP_TTL_MS),
    },
  });
  const link = new URL('/confirm-signup', publicUrl);
  link.searchParams.set('token', token);
  await mailer.send({
    to: signup.email,
    subject: 'Finish creating your JobSwipe account',
    text: [
      'Welcome to JobSwipe. Open this link within a day to finish creating your account:',
      '',
      link.href,
      '',
      'If it was not you, ignore this mail: no account is made.',
    ].join('\n'),
  });
}

/** Makes the account of a valid, unused sign-up link; answers the new user's id. */
export async function confirmSignup(db: Database, token: string, origin: Origin): Promise<string> {
  return db.prisma.$transaction(async (tx) => {
    const used = await tx.signupConfirmation.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) {
      throw new AppError(
        'validation_failed',
        'This sign-up link is invalid, already used or expired. Sign up again to get a new one.',
      );
    }
    const pending = await tx.signupConfirmation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    if (await tx.user.findUnique({ where: { email: pending.email } })) {
      throw new AppError('conflict', 'This address has an account already. Sign in instead.');
    }
    const user = await tx.user.create({
      data: { email: pending.email, passwordHash: pending.passwordHash, profile: { create: { email: pending.email } } },
    });
    await audit(tx, { userId: user.id, action: 'signup', ...origin });
    return user.id;
  });
}
