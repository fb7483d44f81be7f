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
    // and the JobSwipe origins (the backend it pairs with and reports to). Anything else is the
    // user's grant, with a click in the popup or options: a company's own careers site, a backend
    // elsewhere, or all sites (which tabs.captureVisibleTab needs for the screenshot evidence).
    host_permissions: [...ATS_HOST_PATTERNS, ...WEB_ORIGINS],
    optional_host_permissions: ['<all_urls>'],
    externally_connectable: { matches: WEB_ORIGINS },
  },
});
