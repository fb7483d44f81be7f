// Who a device is: its bearer token (`dt_...`), stored only as a hash and refused once revoked.
// The WebSocket gateway and the long-poll fallback call this for every connection.
import type { Device } from '@jobswipe/db';
import { hashToken } from '../auth/secret-tokens.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';

export async function authenticateDevice(ctx: Pick<AppContext, 'db'>, token: string): Promise<Device> {
  const device = token.startsWith('dt_')
    ? await ctx.db.prisma.device.findUnique({ where: { tokenHash: hashToken(token) } })
    : null;
  if (!device) throw new AppError('unauthenticated', 'Unknown device token. Pair this device again from the web site.');
  if (device.revokedAt) {
    throw new AppError('unauthenticated', 'This device was removed from the account. Pair it again from the web site.');
  }
  return device;
}
