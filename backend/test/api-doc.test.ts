// docs/api.md cannot drift from the backend: every route it lists is served (a signed-in request
// does not meet the "No such endpoint" answer), and every route the backend's sources declare is
// listed there.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';

const docs = await readFile(new URL('../../docs/api.md', import.meta.url), 'utf8');
const SRC = new URL('../src/', import.meta.url).pathname;

/** The routes table's rows (the WebSockets table is upgrades, not requests). */
const routesTable = docs.slice(docs.indexOf('## Routes'), docs.indexOf('## WebSockets'));
const documented = [...routesTable.matchAll(/^\| `(GET|POST|PUT|DELETE) (\/[^`]*)`/gm)].map((m) => ({
  method: m[1]!,
  path: m[2]!,
}));

/** Every `router.<verb>('<path>'` in the backend's sources; `${…}` in a template path matches any segment. */
async function declaredRoutes(): Promise<{ method: string; path: RegExp; where: string }[]> {
  const files = (await readdir(SRC, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const routes: { method: string; path: RegExp; where: string }[] = [];
  for (const file of files) {
    const text = await readFile(join(SRC, file), 'utf8');
    for (const m of text.matchAll(/router\.(get|post|put|delete)\(\s*(['`])(\/[^'`]*)\2/g)) {
      const pattern = m[3]!
        .split(/\$\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      routes.push({ method: m[1]!.toUpperCase(), path: new RegExp(`${pattern}$`), where: file });
    }
  }
  return routes;
}

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.close());

describe('docs/api.md', () => {
  it('lists routes', () => {
    expect(documented.length).toBeGreaterThan(30);
  });

  it('lists only routes the backend serves', async () => {
    const me = await signUp(backend.api);
    const id = crypto.randomUUID();
    const unknown: string[] = [];
    for (const { method, path } of documented) {
      const res = await me.api.request<{ error?: { message: string } }>(
        method,
        path.replace(/:\w+/g, id),
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      if (res.status === 404 && res.body.error?.message.startsWith('No such endpoint'))
        unknown.push(`${method} ${path}`);
    }
    expect(unknown).toEqual([]);
    // The check can tell: a path nobody serves meets that answer.
    const missing = await me.api.request<{ error: { message: string } }>('GET', '/v1/no-such-thing');
    expect(missing.body.error.message).toMatch(/^No such endpoint: GET \/v1\/no-such-thing\. See docs\/api\.md\./);
  });

  it('lists every route the backend declares', async () => {
    const routes = await declaredRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const undocumented = routes
      .filter((r) => !documented.some((d) => d.method === r.method && r.path.test(d.path)))
      .map((r) => `${r.method} ${r.path.source} (${r.where})`);
    expect(undocumented).toEqual([]);
  });
});
