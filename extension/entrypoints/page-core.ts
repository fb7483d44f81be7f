// The engine's in-page core as a script the executor injects with chrome.scripting (the same core
// Playwright injects for the server and desktop executors): it defines `globalThis.__jobswipeCore`
// in the isolated world of the frame it runs in.
import '@jobswipe/automations/core/install';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

export default defineUnlistedScript(() => {});
