import type { Device } from '@jobswipe/db';
import type { DeviceView } from '@jobswipe/protocol';

/** A device counts as online when it was seen this recently (until the gateway reports live presence). */
export const ONLINE_WINDOW_MS = 2 * 60_000;

export function isOnline(device: Pick<Device, 'lastSeenAt' | 'revokedAt'>, now = Date.now()): boolean {
  return !device.revokedAt && device.lastSeenAt !== null && now - device.lastSeenAt.getTime() < ONLINE_WINDOW_MS;
}

export function toDeviceView(device: Device, now = Date.now()): DeviceView {
  return {
    id: device.id,
    kind: device.kind,
    name: device.name,
    version: device.version,
    online: isOnline(device, now),
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    revokedAt: device.revokedAt?.toISOString() ?? null,
    createdAt: device.createdAt.toISOString(),
  };
}
