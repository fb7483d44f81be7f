// The files a first visit downloads before the app can run: what index.html names (the entry
// script, the chunks it preloads, the styles). Page chunks loaded on demand are not among them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WEB_DIST } from './web-paths.ts';

/** Paths relative to web/dist, e.g. `assets/index-abc123.js`. */
export async function firstLoadFiles(distDir = WEB_DIST): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
}
