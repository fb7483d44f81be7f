// A user on a plan with no limits whose applications go to their devices, with one device paired
// through the API (its token is what the device says hello with).
import { pairDevice } from '../../test/support/devices.ts';
import { userWith } from '../../test/support/users.ts';
import type { BenchBackend } from './bench-backend.ts';

export async function deviceOwner(backend: BenchBackend) {
  const user = await userWith(backend.api, backend.prisma);
  const { token } = await pairDevice(user.api);
  return { user, token };
}
