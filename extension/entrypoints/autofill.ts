// The autofill script the worker registers for pages the user opens (src/background/autofill.ts):
// the engine's in-page core with the fill button, in every frame (a form may be framed, from its
// ATS's own origin or the page's): the button shows in the frame whose form the engine recognises.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAutofill } from '../src/autofill/autofill-page.ts';

export default defineUnlistedScript(() => {
  void startAutofill();
});
