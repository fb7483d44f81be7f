// Who is working: one of a user's devices, or a server worker process. The lease owner column
// stores `owner(executor)`; a device only ever touches its own user's device-lane applications.
import { type ApplicationStatus, isHeld, type Lane } from '@jobswipe/protocol';
import type { Config } from '../config.ts';

export type Executor = { kind: 'device'; deviceId: string; userId: string } | { kind: 'server'; workerId: string };

export function owner(executor: Executor): string {
  return executor.kind === 'device' ? `device:${executor.deviceId}` : `server:${executor.workerId}`;
}

/**
 * Whether `executor` holds the application's current lease under `token`. The token alone is not
 * proof: tokens count up from 1 per application, so the holder (executor kind and id) must match too.
 */
export function holdsLease(
  app: { status: ApplicationStatus; leaseToken: bigint; leaseOwner: string | null },
  executor: Executor,
  token: bigint,
): boolean {
  return isHeld(app.status) && app.leaseToken === token && app.leaseOwner === owner(executor);
}

/** The lease a fenced transition presents. */
export function leaseOf(executor: Executor, token: bigint): { token: bigint; holder: string } {
  return { token, holder: owner(executor) };
}

export function laneOf(executor: Executor): Lane {
  return executor.kind === 'device' ? 'device' : 'server';
}

export function leaseMs(config: Config, executor: Executor): number {
  return executor.kind === 'device' ? config.DEVICE_LEASE_MS : config.SERVER_LEASE_MS;
}

/** The user scope of an executor's writes: a device's user, or none for our own workers. */
export function userScope(executor: Executor): string | undefined {
  return executor.kind === 'device' ? executor.userId : undefined;
}
