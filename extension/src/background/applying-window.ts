// The window the extension applies in: its own, unfocused and not minimized, so its tab is the
// active one there (tabs.captureVisibleTab sees only that) and its timers are not throttled as a
// background tab's would be. Each application gets a tab of its own, recorded so a worker that
// Chrome stopped mid-form can close what it left behind when it wakes.
import { browser } from 'wxt/browser';
import { applyingWindowItem, ownedTabsItem } from './stored.ts';

export interface OwnedTab {
  tabId: number;
  windowId: number;
}

async function liveWindow(): Promise<number | null> {
  const id = await applyingWindowItem.getValue();
  if (id === null) return null;
  return browser.windows.get(id).then(
    (w) => w.id ?? null,
    () => null,
  );
}

/** Opens `url` in a new tab of the applying window (creating the window when there is none). */
export async function openApplicationTab(applicationId: string, url: string): Promise<OwnedTab> {
  const windowId = await liveWindow();
  let tab: { id?: number; windowId?: number } | undefined;
  if (windowId === null) {
    const created = await browser.windows.create({ url, focused: false, state: 'normal', width: 1280, height: 900 });
    tab = created?.tabs?.[0];
    await applyingWindowItem.setValue(created?.id ?? null);
  } else {
    tab = await browser.tabs.create({ windowId, url, active: true });
  }
  if (tab?.id === undefined || tab.windowId === undefined) throw new Error('Chrome did not open a tab to apply in.');
  await ownedTabsItem.setValue({ ...(await ownedTabsItem.getValue()), [applicationId]: tab.id });
  return { tabId: tab.id, windowId: tab.windowId };
}

async function forget(applicationId: string): Promise<number | undefined> {
  const owned = await ownedTabsItem.getValue();
  const tabId = owned[applicationId];
  delete owned[applicationId];
  await ownedTabsItem.setValue(owned);
  return tabId;
}

/** The application is done here: its tab closes. */
export async function closeApplicationTab(applicationId: string): Promise<void> {
  const tabId = await forget(applicationId);
  if (tabId !== undefined) await browser.tabs.remove(tabId).catch(() => {});
}

/** The user takes over: the tab stays open, no longer the extension's. */
export async function handTabToUser(applicationId: string): Promise<void> {
  await forget(applicationId);
}

/** Closes the tabs of applications not running any more (a stopped worker's half-filled forms). */
export async function closeOrphanTabs(running: ReadonlySet<string>): Promise<void> {
  const owned = await ownedTabsItem.getValue();
  for (const applicationId of Object.keys(owned)) {
    if (!running.has(applicationId)) await closeApplicationTab(applicationId);
  }
}
