// The service worker's wiring. Every listener is registered synchronously when the worker starts
// (Chrome wakes a stopped worker only for events it had listeners for), then the executor connects.
import { browser } from 'wxt/browser';
import { answerAutofill, forgetFilledTab, syncAutofillScript } from './autofill.ts';
import { BrowserExecutor } from './executor.ts';
import type { AutofillRequest, PopupReply, PopupRequest } from './messages.ts';
import { answerWebPage, pair, serverUrl } from './pairing.ts';
import { changedSettings, credentialsItem, leasesItem, settingsItem } from './stored.ts';

/** Alarm that reconnects after Chrome stopped the worker (30 s: the shortest Chrome allows). */
const RECONNECT_ALARM = 'reconnect';
const RECONNECT_PERIOD_MIN = 0.5;

export function startBackground(): void {
  const executor = new BrowserExecutor();

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECONNECT_ALARM) void executor.ensureStarted();
  });
  browser.runtime.onStartup.addListener(() => void executor.ensureStarted());
  browser.runtime.onInstalled.addListener(() => void executor.ensureStarted());
  browser.idle.onStateChanged.addListener((state) => executor.setIdleState(state));

  browser.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
    void answerWebPage(executor, message, sender).then(sendResponse);
    return true;
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !sender.url) return false;
    // The autofill script in a tab asks only autofill questions; the popup and options pages the rest.
    const tabId = sender.tab?.id;
    if (tabId !== undefined && String((message as { type?: unknown }).type).startsWith('autofill.')) {
      void answerAutofill(message as AutofillRequest, tabId, sender.url).then(sendResponse);
      return true;
    }
    if (!sender.url.startsWith(browser.runtime.getURL('/'))) return false;
    void answerPopup(executor, message as PopupRequest).then(sendResponse);
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetFilledTab(tabId));

  void browser.alarms.get(RECONNECT_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(RECONNECT_ALARM, { periodInMinutes: RECONNECT_PERIOD_MIN });
  });
  void executor.ensureStarted();
  // Paired or signed out (also by a revocation), autofill turned on or off: the script follows.
  void syncAutofillScript();
  credentialsItem.watch(() => void syncAutofillScript());
  settingsItem.watch(() => void syncAutofillScript());
}

async function answerPopup(executor: BrowserExecutor, request: PopupRequest): Promise<PopupReply> {
  try {
    switch (request.type) {
      case 'pair':
        await pair(executor, serverUrl(request.server), request.code);
        break;
      case 'settings':
        await settingsItem.setValue(changedSettings(await settingsItem.getValue(), request.settings));
        await executor.applySettings();
        break;
      case 'signOut':
        await executor.stop();
        await credentialsItem.setValue(null);
        await leasesItem.setValue([]);
        break;
      case 'state':
        break;
    }
    return { ok: true, state: await executor.state(), settings: await settingsItem.getValue() };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
