// Which browser the app's agent applies in, from the user's settings: their installed Chrome or
// Edge (each through a dedicated JobSwipe profile, since Chrome 136+ refuses remote debugging on
// the default one), the Chromium packaged with the app, or a Chromium they pointed to. Never
// Electron's own windows. When the chosen one is not there, it says so plainly instead of picking
// another behind the user's back.
import { existsSync } from 'node:fs';
import { type BrowserChoice, hasDisplay, installedChrome, installedEdge } from '../agent/agent-browser.ts';
import type { Settings } from '../shared/ipc.ts';

export function browserChoiceOf(
  settings: Settings,
  /** The bundled Chromium's executable (agent/bundled-chromium.ts); null when the build has none. */
  bundled: string | null,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): BrowserChoice {
  const headless = !settings.headful || !hasDisplay(env, platform);
  switch (settings.browser) {
    case 'chrome':
      if (!installedChrome(env, platform)) {
        throw new Error(
          'Google Chrome is not installed on this computer. Install it, or choose Edge or a Chromium of your own in Settings.',
        );
      }
      return { browser: 'chrome', headless };
    case 'edge':
      if (!installedEdge(env, platform)) {
        throw new Error(
          'Microsoft Edge is not installed on this computer. Install it, or choose Chrome or a Chromium of your own in Settings.',
        );
      }
      return { browser: 'msedge', headless };
    case 'bundled':
      if (!bundled) {
        throw new Error(
          'This JobSwipe comes with no Chromium of its own. Choose Chrome, Edge or a Chromium of your own in Settings.',
        );
      }
      return { browser: bundled, headless };
    case 'custom': {
      const path = settings.browserPath ?? '';
      if (!path || !existsSync(path)) {
        throw new Error(`There is no browser at "${path}". Give the full path of a Chrome or Chromium in Settings.`);
      }
      return { browser: path, headless };
    }
  }
}
