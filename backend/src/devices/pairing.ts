// Pairing a desktop app or extension: the signed-in user gets a short code (only its hash is
// kept), and the device exchanges it, once and within 10 minutes, for its own device token.
import type { Device, DevicePairing, Queryable } from '@jobswipe/db';
import type { PairCompleteBody, PairingStatus } from '@jobswipe/protocol';
import { type AuditEntry, audit } from '../audit/audit-log.ts';
import { hashToken, newPairingCode, newSecretToken } from '../auth/secret-tokens.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { toDeviceView } from './device-view.ts';

const PAIRING_TTL_MS = 10 * 60_000;

/** "k7px q2md", "K7PXQ2MD" and "K7PX-Q2MD" are the same code; null when it cannot be one. */
export function normalizePairingCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return chars.length === 8 ? `${chars.slice(0, 4)}-${chars.slice(4)}` : null;
}

export async function startPairing(db: Queryable, userId: string): Promise<{ pairing: DevicePairing; code: string }> {
  const code = newPairingCode();
  const pairing = await db.devicePairing.create({
    data: { userId, codeHash: hashToken(code), expiresAt: new Date(Date.now() + PAIRING_TTL_MS) },
  });
  return { pairing, code };
}

export async function pairingStatus(db: Queryable, userId: string, pairingId: string): Promise<PairingStatus> {
  const pairing = await db.devicePairing.findFirst({ where: { id: pairingId, userId }, include: { device: true } });
  if (!pairing) throw notFound('Pairing');
  const status = pairing.completedAt ? 'completed' : pairing.expiresAt.getTime() <= Date.now() ? 'expired' : 'pending';
  return {
    pairingId: pairing.id,
    status,
    expiresAt: pairing.expiresAt.toISOString(),
    device: pairing.device ? toDeviceView(pairing.device) : null,
  };
}

export async function completePairing(
  ctx: Pick<AppContext, 'db'>,
  body: PairCompleteBody,
  origin: Pick<AuditEntry, 'ip' | 'userAgent'>,
): Promise<{ device: Device; token: string }> {
  const code = normalizePairingCode(body.code);
  if (!code) {
    throw new AppError(
      'validation_failed',
      'Invalid body: code: a pairing code has 8 letters and digits, like K7PX-Q2MD.',
      {
        issues: [{ path: 'code', message: 'must be 8 letters and digits' }],
      },
    );
  }
  const codeHash = hashToken(code);
  const now = new Date();
  return ctx.db.prisma.$transaction(async (tx) => {
    // The guarded update is the "once": of two devices racing with one code, one gets count 1.
    const used = await tx.devicePairing.updateMany({
      where: { codeHash, completedAt: null, expiresAt: { gt: now } },
      data: { completedAt: now },
    });
    if (used.count === 0) {
      throw new AppError(
        'unauthenticated',
        'This pairing code is wrong, expired or already used. Start pairing again on the web site for a new code.',
      );
    }
    const pairing = await tx.devicePairing.findUniqueOrThrow({ where: { codeHash } });
    const token = newSecretToken('dt');
    const device = await tx.device.create({
      data: {
        userId: pairing.userId,
        kind: body.kind,
        name: body.name,
        version: body.version ?? null,
        tokenHash: hashToken(token),
        lastSeenAt: now,
      },
    });
    await tx.devicePairing.update({ where: { id: pairing.id }, data: { deviceId: device.id } });
    await audit(tx, {
      userId: pairing.userId,
      action: 'device_paired',
      ...origin,
      data: { deviceId: device.id, kind: device.kind, name: device.name },
    });
    return { device, token };
  });
}
