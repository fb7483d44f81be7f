// How the backend serves the built web app: compressed (brotli, else gzip), hashed files cached
// for a year and index.html never, the first page's code within its budget and without zod (the
// schemas load with the pages that need them), and API answers compressed too.
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { signUp } from '@jobswipe/backend/testing/api';
import type { TestBackend } from '@jobswipe/backend/testing/backend';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLoadFiles } from '../build/first-load.ts';
import { WEB_DIST } from '../build/web-paths.ts';
import { startBackend } from './support/browser.ts';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startBackend();
});

afterAll(async () => {
  await backend?.close();
});

/** The raw answer: fetch would otherwise decompress and hide the encoding's size. */
async function get(path: string, acceptEncoding: string, token?: string) {
  const url = new URL(path, backend.node.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        url,
        { headers: { 'accept-encoding': acceptEncoding, ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('serving the web app', () => {
  it('sends the first page compressed, cached for a year, within 120 KB of JavaScript and without zod', async () => {
    const files = await firstLoadFiles();
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    let compressed = 0;
    for (const file of scripts) {
      const source = await readFile(join(WEB_DIST, file), 'utf8');
      expect(source, `${file} bundles zod`).not.toMatch(/ZodError|\$ZodType/);
      const br = await get(`/${file}`, 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
      compressed += br.body.length;
      // A file under 1 KB gains nothing from compression and goes as it is.
      if (source.length < 1024) continue;
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      const gzip = await get(`/${file}`, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      // Each encoding holds the file as built, not an earlier stage of it.
      expect(brotliDecompressSync(br.body).toString('utf8')).toBe(source);
      expect(gunzipSync(gzip.body).toString('utf8')).toBe(source);
    }
    expect(compressed).toBeLessThanOrEqual(120 * 1024);

    const index = await get('/', 'br');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('compresses API answers', async () => {
    await createJobs(backend.node.ctx.db.prisma, 20, { description: 'A long description. '.repeat(50) });
    const user = await signUp(backend.api);
    const deck = await get('/v1/jobs/deck?limit=20', 'gzip, br', user.accessToken);
    expect(deck.status).toBe(200);
    expect(deck.headers['content-encoding']).toBe('br');
  });
});
