// A user on a plan with no limits whose applications go to their devices, with one device paired
// through the API (its token is what the device says hello with), and the server's undo grace
// period unless told otherwise.
import { pairDevice } from '../../test/support/devices.ts';
import { userWith } from '../../test/support/users.ts';
import type { BenchBackend } from './bench-backend.ts';

export async function deviceOwner(backend: BenchBackend, options: { undoGraceMs?: number } = {}) {
  const user = await userWith(backend.api, backend.prisma, options);
  const { token } = await pairDevice(user.api);
  return { user, token };
}
