// The extension's build: WXT writes an MV3 Chrome extension to .output/chrome-mv3. The manifest's
// key fixes the extension id the web messages ("Connect this browser"); the web origins allowed to
// message it come from JOBSWIPE_WEB_ORIGINS at build time (match patterns, comma-separated).
import { EXTENSION_PUBLIC_KEY } from '@jobswipe/protocol/extension-link';
import { defineConfig } from 'wxt';

const WEB_ORIGINS = (
  process.env.JOBSWIPE_WEB_ORIGINS ?? 'https://*.jobswipe.app/*,http://localhost/*,http://127.0.0.1/*'
)
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

export default defineConfig({
  manifest: {
    name: 'JobSwipe',
    description: 'Applies to the jobs you swipe right on, in your own browser; fills application forms for you.',
    key: EXTENSION_PUBLIC_KEY,
    // scripting: the in-page engine; alarms: reconnect after Chrome stopped the worker; idle: no
    // work while the screen is locked (if the user asks); notifications: "needs you".
    permissions: ['scripting', 'storage', 'alarms', 'idle', 'notifications'],
    // Forms on any company's site, and tabs.captureVisibleTab (which needs <all_urls>) for evidence.
    host_permissions: ['<all_urls>'],
    externally_connectable: { matches: WEB_ORIGINS },
  },
});
