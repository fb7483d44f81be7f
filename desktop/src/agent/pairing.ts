// Pairing: the code the web site shows is exchanged for this device's token, which is stored
// (never printed). Pairing again replaces the earlier credentials.
import { type PairCompleteBody, PairCompleteResponse } from '@jobswipe/protocol';
import { serverError, unreachable } from './server-error.ts';
import type { DeviceCredentials, TokenStore } from './token-store.ts';

/** The backend's base URL without a trailing slash; a clear error for anything else. */
export function serverUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--server "${text}" is not a URL. Give the JobSwipe address, e.g. https://jobswipe.example.com.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--server "${text}" must start with https:// (or http:// for a local backend).`);
  }
  return url.href.replace(/\/+$/, '');
}

export async function pairDevice(options: {
  server: string;
  code: string;
  name: string;
  version: string;
  store: TokenStore;
}): Promise<DeviceCredentials> {
  const endpoint = `${options.server}/v1/devices/pair/complete`;
  const body: PairCompleteBody = { code: options.code, kind: 'desktop', name: options.name, version: options.version };
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw unreachable(options.server, err);
  }
  if (!res.ok) throw await serverError(res, 'Pairing');
  const paired = PairCompleteResponse.parse(await res.json());
  const credentials: DeviceCredentials = {
    server: options.server,
    deviceId: paired.deviceId,
    token: paired.deviceToken,
    name: options.name,
    pairedAt: new Date().toISOString(),
  };
  await options.store.save(credentials);
  return credentials;
}
