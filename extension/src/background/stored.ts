// What the extension keeps in chrome.storage, typed: the device's credentials and the leases it
// holds (local: they survive a browser restart), the user's settings, and the tabs it applies in
// (session: a tab id means nothing after the browser restarts).
import type { StoredLease } from '@jobswipe/protocol/executor-client';
import { storage } from 'wxt/utils/storage';

export interface Credentials {
  /** The backend's base URL, without a trailing slash. */
  server: string;
  deviceId: string;
  token: string;
  pairedAt: string;
}

export interface Settings {
  /** Applications run at once (the capacity stated to the backend). */
  capacity: number;
  /** The user paused applying from this browser. */
  paused: boolean;
  /** No new work while the screen is locked. */
  pauseWhenLocked: boolean;
}

export const DEFAULT_SETTINGS: Settings = { capacity: 1, paused: false, pauseWhenLocked: false };

/** The most applications the protocol lets a device run at once. */
const MAX_CAPACITY = 10;

/** `current` with the popup's change applied, kept to what the protocol accepts. */
export function changedSettings(current: Settings, change: Partial<Settings>): Settings {
  const next = { ...current, ...change };
  const capacity = Number.isInteger(next.capacity) ? next.capacity : current.capacity;
  return {
    capacity: Math.min(MAX_CAPACITY, Math.max(1, capacity)),
    paused: Boolean(next.paused),
    pauseWhenLocked: Boolean(next.pauseWhenLocked),
  };
}

export const credentialsItem = storage.defineItem<Credentials | null>('local:credentials', { fallback: null });
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });
export const leasesItem = storage.defineItem<StoredLease[]>('local:leases', { fallback: [] });
/** The window the extension applies in, and the tab each running application owns. */
export const applyingWindowItem = storage.defineItem<number | null>('session:applyingWindow', { fallback: null });
export const ownedTabsItem = storage.defineItem<Record<string, number>>('session:ownedTabs', { fallback: {} });
