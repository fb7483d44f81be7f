// The user's settings (not secret): a JSON file in the app's data folder, checked on load.
import { readPrivateJson, writePrivateJson } from '../agent/private-file.ts';
import { DEFAULT_SETTINGS, Settings } from '../shared/ipc.ts';

export class SettingsStore {
  constructor(readonly location: string) {}

  async load(): Promise<Settings> {
    return (
      (await readPrivateJson(this.location, Settings, 'Delete it to start from the defaults.')) ?? DEFAULT_SETTINGS
    );
  }

  save(settings: Settings): Promise<void> {
    return writePrivateJson(this.location, settings);
  }
}
