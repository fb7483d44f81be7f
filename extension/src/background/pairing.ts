// Pairing this browser as a device: with the code the web's Devices page shows (typed in the popup),
// or in one click from that page ("Connect this browser"), which messages the extension through
// externally_connectable; the server is then the page's own origin, never a value the page names.
import { type ExtensionReply, ExtensionRequest } from '@jobswipe/protocol/extension-link';
import { browser } from 'wxt/browser';
import type { BrowserExecutor } from './executor.ts';
import { completePairing } from './server-api.ts';
import { credentialsItem, leasesItem } from './stored.ts';

/** The backend's base URL without a trailing slash; a clear error for anything else. */
export function serverUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`"${text}" is not a web address. Give the JobSwipe address, e.g. https://jobswipe.example.com.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${text}" must start with https:// (or http:// for a local server).`);
  }
  return url.origin;
}

function deviceName(): string {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform;
  return platform ? `Chrome on ${platform}` : 'Chrome';
}

/** Exchanges the code for a device token, stores it and (re)connects as the new device. */
export async function pair(executor: BrowserExecutor, server: string, code: string): Promise<void> {
  const version = browser.runtime.getManifest().version;
  const paired = await completePairing(server, { code, kind: 'extension', name: deviceName(), version });
  await executor.stop();
  await leasesItem.setValue([]);
  await credentialsItem.setValue({
    server,
    deviceId: paired.deviceId,
    token: paired.deviceToken,
    pairedAt: new Date().toISOString(),
  });
  await executor.ensureStarted();
}

async function status(): Promise<ExtensionReply> {
  const credentials = await credentialsItem.getValue();
  return {
    ok: true,
    version: browser.runtime.getManifest().version,
    paired: credentials ? { server: credentials.server, deviceId: credentials.deviceId } : null,
  };
}

/** Answers a JobSwipe web page (only origins the manifest's externally_connectable lists can ask). */
export async function answerWebPage(
  executor: BrowserExecutor,
  message: unknown,
  sender: { origin?: string; url?: string },
): Promise<ExtensionReply> {
  const request = ExtensionRequest.safeParse(message);
  if (!request.success)
    return { ok: false, error: 'Unknown request: send { type: "status" } or { type: "pair", code }.' };
  try {
    if (request.data.type === 'pair') {
      const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : null);
      if (!origin) return { ok: false, error: 'The page asking to pair has no origin.' };
      await pair(executor, serverUrl(origin), request.data.code);
    }
    return await status();
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
