// The `app://jobswipe/` scheme: the built renderer's files, each answered with the strict CSP.
// Only files inside the renderer's folder are served; anything else is a 404.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './app-window.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
};

export function rendererFiles(rendererDir: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir + sep);
  return async (request) => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return new Response('Not found', { status: 404 });
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      return new Response(body, { headers: { ...HEADERS, 'content-type': type } });
    } catch {
      return new Response('Not found', { status: 404, headers: HEADERS });
    }
  };
}
