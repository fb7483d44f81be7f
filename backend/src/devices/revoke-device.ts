// Removing a device from the account: its token stops working at once (authenticateDevice).
import { type AuditEntry, audit } from '../audit/audit-log.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../http/errors.ts';

/** Revokes the caller's device (a second call changes nothing); another user's device is a 404. */
export async function revokeDevice(
  ctx: Pick<AppContext, 'db'>,
  userId: string,
  deviceId: string,
  origin: Pick<AuditEntry, 'ip' | 'userAgent'>,
): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    const revoked = await tx.device.updateMany({
      where: { id: deviceId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 1) {
      await audit(tx, { userId, action: 'device_revoked', ...origin, data: { deviceId } });
    } else if ((await tx.device.count({ where: { id: deviceId, userId } })) === 0) {
      throw notFound('Device');
    }
  });
}
