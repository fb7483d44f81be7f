// The device's credentials kept with Electron's safeStorage: encrypted with a key the OS keychain
// holds (Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux), in a file
// only the user can read. Where no keychain is available it refuses to store the token rather
// than keep it readable (Electron's "basic_text" fallback on Linux is a fixed, public key).
import { readFile } from 'node:fs/promises';
import { safeStorage } from 'electron';
import { writePrivateFile } from '../agent/private-file.ts';
import { DeviceCredentials, type TokenStore } from '../agent/token-store.ts';

const REMEDY = 'Pair this device again from the JobSwipe window.';

export class KeychainUnavailable extends Error {
  constructor() {
    super(
      "This computer's keychain is not available to JobSwipe, so the device token cannot be stored safely. " +
        'On Linux, install and unlock a Secret Service keyring (GNOME Keyring or KWallet), then pair again.',
    );
    this.name = 'KeychainUnavailable';
  }
}

function keychainReady(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export class SafeStorageTokenStore implements TokenStore {
  constructor(readonly location: string) {}

  async load(): Promise<DeviceCredentials | null> {
    let sealed: Buffer;
    try {
      sealed = await readFile(this.location);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (!keychainReady()) throw new KeychainUnavailable();
    let text: string;
    try {
      text = safeStorage.decryptString(sealed);
    } catch (err) {
      throw new Error(`${this.location} cannot be decrypted (${(err as Error).message}). ${REMEDY}`);
    }
    const parsed = DeviceCredentials.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${this.location} is damaged. ${REMEDY}`);
    return parsed.data;
  }

  async save(credentials: DeviceCredentials): Promise<void> {
    if (!keychainReady()) throw new KeychainUnavailable();
    await writePrivateFile(this.location, safeStorage.encryptString(JSON.stringify(credentials)));
  }
}
