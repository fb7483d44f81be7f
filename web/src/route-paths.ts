// Every page the app has, by path: the router renders from this table and the every-route test
// (layout at 360 px, accessibility, screenshots) visits each one, so a new page cannot be missed.

/** Pages shown to a signed-out visitor. */
export const PUBLIC_PATHS = ['/signin', '/signup', '/forgot-password', '/reset-password', '/confirm-signup'] as const;

/** Public pages shown whether or not someone is signed in (a reset link opened on a signed-in browser). */
export const ANYONE_PATHS: readonly PublicPath[] = ['/forgot-password', '/reset-password', '/confirm-signup'];

/** Pages of the signed-in app; `:id` stands for an application of the user's. */
export const APP_PATHS = [
  '/',
  '/onboarding',
  '/applications',
  '/applications/:id',
  '/answers',
  '/devices',
  '/plan',
  '/ops',
] as const;

export type PublicPath = (typeof PUBLIC_PATHS)[number];
export type AppPath = (typeof APP_PATHS)[number];

/** Pages only operators get; anyone else is told there is nothing at that address. */
export const OPERATOR_PATHS: readonly AppPath[] = ['/ops'];
