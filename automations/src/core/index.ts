// The in-page core: one API for every host. Playwright evaluates the bundle built from
// `install.ts` in an isolated world; the extension's bundler imports this module into its content script.
export { detectAts, detectAtsFromDom, detectAtsFromUrl } from '../detect/ats.ts';
export { discoverFields } from './discover.ts';
export { hostAnswered, hostElement, useHostInput } from './host-input.ts';
export { afterSubmit, fill, recognise, step, submit, survey } from './step.ts';
export type * from './types.ts';
