// Where the web app's sources and its production build live in the checkout.
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../dist/', import.meta.url));
