// Pairing the extension with a code, as a user does in the popup (the worker's own request).
import type { Api } from '@jobswipe/backend/testing/api';
import type { PairStartResponse } from '@jobswipe/protocol';
import { EXTENSION_ID } from '@jobswipe/protocol/extension-link';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './chromium.ts';

export async function pairByCode(browser: ExtensionBrowser, server: string, api: Api): Promise<void> {
  const start = await api.post<PairStartResponse>('/v1/devices/pair/start');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  // Paired to an earlier test's user: disconnect first, as a user switching accounts would.
  const disconnect = popup.getByRole('button', { name: 'Disconnect this browser' });
  await popup.getByRole('button', { name: /^(Pair|Disconnect) this browser$/ }).waitFor();
  if (await disconnect.isVisible()) await disconnect.click();
  await popup.getByLabel('JobSwipe address').fill(server);
  await popup.getByLabel('Code').fill(start.body.code);
  await popup.getByRole('button', { name: 'Pair this browser' }).click();
  await expect.poll(() => popup.getByTestId('connection').textContent()).toContain('Connected');
  await popup.close();
}
