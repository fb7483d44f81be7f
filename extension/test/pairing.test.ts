// Pairing the built extension in Chromium against a real backend serving the built web app: in one
// click from the Devices page ("Connect this browser", through externally_connectable), or with the
// code typed into the popup; revoking the device on the web signs the extension out.
import type { Api } from '@jobswipe/backend/testing/api';
import { signUp } from '@jobswipe/backend/testing/api';
import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import type { AuthResponse, DeviceList, PairStartResponse } from '@jobswipe/protocol';
import { EXTENSION_ID } from '@jobswipe/protocol/extension-link';
import { ensureWebBuild } from '@jobswipe/web/build/build-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, profileDir } from './support/chromium.ts';

let backend: TestBackend;
let browser: ExtensionBrowser;
let profile: Awaited<ReturnType<typeof profileDir>>;

beforeAll(async () => {
  await ensureWebBuild();
  backend = await startTestBackend({ PAIR_RATE_LIMIT: '1000' });
});
afterAll(async () => {
  await backend?.close();
});

/** Signs the browser in as `auth` the way the site keeps a session (its refresh cookie). */
async function signIn(auth: AuthResponse): Promise<void> {
  const domain = new URL(backend.node.url).hostname;
  await browser.context.addCookies([
    { name: 'js_refresh', value: auth.refreshToken, domain, path: '/v1/auth', httpOnly: true, sameSite: 'Strict' },
    { name: 'js_session', value: '1', domain, path: '/', sameSite: 'Strict' },
  ]);
}

async function storedCredentials(): Promise<unknown> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const { local } = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome.storage;
    return (await local.get('credentials')).credentials ?? null;
  });
}

async function devices(api: Api) {
  return (await api.get<DeviceList>('/v1/devices')).body.devices;
}

describe('pairing the extension', () => {
  beforeAll(async () => {
    profile = await profileDir();
    browser = await launchWithExtension(profile.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await profile?.remove();
  });

  it('connects this browser in one click from the Devices page; revoking it there signs the extension out', async () => {
    const user = await signUp(backend.api);
    await signIn(user);
    const page = await browser.context.newPage();
    await page.goto(`${backend.node.url}/devices`);
    await page.getByRole('button', { name: 'Connect this browser' }).click();
    await expect.poll(() => devices(user.api)).toMatchObject([{ kind: 'extension', revokedAt: null }]);
    await page.getByTestId('browser-connected').waitFor();
    const [device] = await devices(user.api);
    expect(await storedCredentials()).toMatchObject({ server: backend.node.url, deviceId: device!.id });
    await expect.poll(async () => (await devices(user.api))[0]?.online).toBe(true);

    // The popup shows the connection.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await expect.poll(() => popup.getByTestId('connection').textContent()).toContain('Connected');

    expect((await user.api.delete(`/v1/devices/${device!.id}`)).status).toBe(204);
    await expect.poll(storedCredentials).toBeNull();
    await popup.reload();
    await popup.getByRole('button', { name: 'Pair this browser' }).waitFor();
    await page.close();
    await popup.close();
  });

  it('pairs with the code typed into the popup', async () => {
    const user = await signUp(backend.api);
    const start = await user.api.post<PairStartResponse>('/v1/devices/pair/start');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await popup.getByLabel('JobSwipe address').fill(backend.node.url);
    await popup.getByLabel('Code').fill(start.body.code);
    await popup.getByRole('button', { name: 'Pair this browser' }).click();
    await expect.poll(() => popup.getByTestId('connection').textContent()).toContain('Connected');
    expect(await devices(user.api)).toMatchObject([{ kind: 'extension', name: expect.stringMatching(/^Chrome/) }]);

    // A wrong code says why, and the browser stays paired as it was.
    await popup.getByRole('button', { name: 'Disconnect this browser' }).click();
    await popup.getByLabel('JobSwipe address').fill(backend.node.url);
    await popup.getByLabel('Code').fill('AAAA-BBBB');
    await popup.getByRole('button', { name: 'Pair this browser' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/Pairing failed \(401\)/);
    expect(await storedCredentials()).toBeNull();
  });
});
