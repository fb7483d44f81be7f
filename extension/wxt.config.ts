// The extension's build: WXT writes an MV3 Chrome extension to .output/chrome-mv3. The manifest's
// key fixes the extension id the web messages ("Connect this browser"); the web origins allowed to
// message it come from JOBSWIPE_WEB_ORIGINS at build time (match patterns, comma-separated).
import { ATS_HOST_PATTERNS } from '@jobswipe/automations/detect/ats';
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
    // The supported ATS hosts (the executor applies there and the autofill offers itself there),
    // and the JobSwipe origins (the backend it pairs with and reports to). A company's own careers
    // site, or a backend elsewhere, is granted by the user with a click when it comes up.
    host_permissions: [...ATS_HOST_PATTERNS, ...WEB_ORIGINS],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    externally_connectable: { matches: WEB_ORIGINS },
  },
});
