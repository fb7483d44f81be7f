// What the extension keeps in chrome.storage, typed: the device's credentials and the leases it
// holds (local: they survive a browser restart), the user's settings, and the tabs it applies in
// (session: a tab id means nothing after the browser restarts).
import type { StoredLease } from '@jobswipe/protocol/executor-client';
import { storage } from 'wxt/utils/storage';
import type { TypedAnswer } from '../autofill/typed-answers.ts';

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
  /** The autofill button offers itself on application forms the user opens. */
  autofill: boolean;
}

export const DEFAULT_SETTINGS: Settings = { capacity: 1, paused: false, pauseWhenLocked: false, autofill: true };

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
    autofill: Boolean(next.autofill),
  };
}

export const credentialsItem = storage.defineItem<Credentials | null>('local:credentials', { fallback: null });
const storedSettings = storage.defineItem<Partial<Settings>>('local:settings', { fallback: DEFAULT_SETTINGS });
/** The settings, with the defaults of settings added since they were saved. */
export const settingsItem = {
  getValue: async (): Promise<Settings> => changedSettings(DEFAULT_SETTINGS, await storedSettings.getValue()),
  setValue: (settings: Settings) => storedSettings.setValue(settings),
  watch: (onChange: () => void) => storedSettings.watch(onChange),
};
export const leasesItem = storage.defineItem<StoredLease[]>('local:leases', { fallback: [] });
/** The window the extension applies in, and the tab each running application owns. */
export const applyingWindowItem = storage.defineItem<number | null>('session:applyingWindow', { fallback: null });
export const ownedTabsItem = storage.defineItem<Record<string, number>>('session:ownedTabs', { fallback: {} });

/** Sites (origins) an application could not open without the user's grant, for the popup to offer. */
export const sitesToAllowItem = storage.defineItem<string[]>('local:sitesToAllow', { fallback: [] });

/** A form the autofill filled in a tab, until the user's submit is recorded (by tab id). */
export interface FilledPage {
  url: string;
  title: string;
  company: string;
  atsKind: string;
}
export const filledPagesItem = storage.defineItem<Record<string, FilledPage>>('session:filledPages', { fallback: {} });

/** What the user typed by hand on a filled form (by tab id), offered to be saved once the submit is confirmed. */
export const typedAnswersItem = storage.defineItem<Record<string, TypedAnswer[]>>('session:typedAnswers', {
  fallback: {},
});

/**
 * The user's autofill choice per site (host name, as Chrome's host permissions name sites): false
 * turns it off on a supported ATS site; true on a site outside them (with the user's grant).
 * Sites without a choice follow the host permissions: the supported ATS hosts and granted sites.
 */
export const siteAutofillItem = storage.defineItem<Record<string, boolean>>('local:siteAutofill', { fallback: {} });

/** Sites (host names) where the user folded the autofill panel into its pill: it starts folded there. */
export const foldedPanelSitesItem = storage.defineItem<Record<string, true>>('local:foldedPanelSites', {
  fallback: {},
});
