// Pairing the extension with a code, as a user does in the popup (the worker's own request).
import type { Api } from '@jobswipe/backend/testing/api';
import type { PairStartResponse } from '@jobswipe/protocol';
import { EXTENSION_ID } from '@jobswipe/protocol/extension-link';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './chromium.ts';
import { STEP_MS, within } from './within.ts';

export async function pairByCode(browser: ExtensionBrowser, server: string, api: Api): Promise<void> {
  const start = await api.post<PairStartResponse>('/v1/devices/pair/start');
  const popup = await within('opening the popup', browser.context.newPage());
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`, { timeout: STEP_MS });
  // Paired to an earlier test's user: disconnect first, as a user switching accounts would.
  const disconnect = popup.getByRole('button', { name: 'Disconnect this browser' });
  await popup.getByRole('button', { name: /^(Pair|Disconnect) this browser$/ }).waitFor({ timeout: STEP_MS });
  if (await disconnect.isVisible()) await disconnect.click({ timeout: STEP_MS });
  await popup.getByLabel('JobSwipe address').fill(server, { timeout: STEP_MS });
  await popup.getByLabel('Code').fill(start.body.code, { timeout: STEP_MS });
  await popup.getByRole('button', { name: 'Pair this browser' }).click({ timeout: STEP_MS });
  await expect
    .poll(() => popup.getByTestId('connection').textContent({ timeout: STEP_MS }), { timeout: STEP_MS })
    .toContain('Connected');
  await within('closing the popup', popup.close());
}
