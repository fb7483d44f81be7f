// One JobSwipe per user: a second start (the OS opening a deep link, a second click on the icon)
// finds the lock held and quits at once, opening no window, tray or agent; the running app gets
// its arguments through `second-instance`. And where no keychain is available the token is not
// stored at all.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DesktopApp } from '../src/main/desktop-app.ts';
import { KeychainUnavailable, SafeStorageTokenStore } from '../src/main/safe-token-store.ts';
import { standIn } from './support/electron-stand-in.ts';

let userData: string;
beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'jsd-single-'));
  standIn.userData = userData;
});
afterAll(() => rm(userData, { recursive: true, force: true }));

it('a second instance quits at once without opening anything', async () => {
  standIn.lockAvailable = false;
  const started = await DesktopApp.start({
    rendererDir: userData,
    preloadPath: join(userData, 'preload.cjs'),
    agentHostModule: join(userData, 'host.js'),
    iconPath: join(userData, 'icon.png'),
    version: '0.1.0',
    defaultServer: 'http://127.0.0.1:9',
  });
  expect(started).toBeNull();
  expect(standIn.quitCalls).toBe(1);
  expect(standIn.windows).toEqual([]);
  expect(standIn.trays).toEqual([]);
  expect(standIn.utilityProcesses).toEqual([]);
  expect(standIn.ipcHandlers.size).toBe(0);
});

it('without a keychain the device token is refused, not written in the clear', async () => {
  standIn.keychainAvailable = false;
  const store = new SafeStorageTokenStore(join(userData, 'device-token.bin'));
  await expect(
    store.save({
      server: 'http://127.0.0.1:3000',
      deviceId: '6f1c1f7e-7d0e-4d8a-9a51-0c3f7e2b9d11',
      token: 'dt_secret_token_value_123',
      name: 'Laptop',
      pairedAt: '2026-01-01T00:00:00.000Z',
    }),
  ).rejects.toThrow(KeychainUnavailable);
  expect(await readdir(userData)).toEqual([]);
});
