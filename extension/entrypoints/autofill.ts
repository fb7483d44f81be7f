// The autofill script the worker registers for pages the user opens (src/background/autofill.ts):
// the engine's in-page core with the fill button, in the top frame of each page.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAutofill } from '../src/autofill/autofill-page.ts';

export default defineUnlistedScript(() => {
  if (window.top === window) void startAutofill();
});
