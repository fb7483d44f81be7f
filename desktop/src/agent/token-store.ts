// The device's credentials (server, device id, device token). Behind an interface: the Electron
// app will keep them in the OS keychain; the headless agent keeps them in a file only its owner
// can read.
import { z } from 'zod';
import { readPrivateJson, writePrivateJson } from './private-file.ts';

export const DeviceCredentials = z.object({
  /** The backend's base URL, e.g. https://jobswipe.example.com. */
  server: z.string().url(),
  deviceId: z.string().uuid(),
  token: z.string().min(10),
  name: z.string(),
  pairedAt: z.string(),
});
export type DeviceCredentials = z.infer<typeof DeviceCredentials>;

export interface TokenStore {
  /** Where the credentials live, for messages (never the token itself). */
  readonly location: string;
  load(): Promise<DeviceCredentials | null>;
  save(credentials: DeviceCredentials): Promise<void>;
}

export class FileTokenStore implements TokenStore {
  constructor(readonly location: string) {}

  load(): Promise<DeviceCredentials | null> {
    return readPrivateJson(this.location, DeviceCredentials, 'Delete it and pair this device again.');
  }

  save(credentials: DeviceCredentials): Promise<void> {
    return writePrivateJson(this.location, credentials);
  }
}
