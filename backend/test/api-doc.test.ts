// The API's description cannot drift from the backend. The route table in @jobswipe/protocol is
// the one source: every route in it is served (a signed-in request does not meet "No such
// endpoint") and every route the backend's sources declare is in it; the OpenAPI document made
// from it is valid OpenAPI 3.1 and is what GET /v1/openapi.json serves; real answers match the
// schemas it gives; and docs/api.md is exactly what it renders to.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderApiDoc } from '@jobswipe/protocol/api-doc';
import { openApiDocument } from '@jobswipe/protocol/openapi';
import { ROUTES } from '@jobswipe/protocol/routes';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';

const SRC = new URL('../src/', import.meta.url).pathname;
const DOCS = new URL('../../docs/api.md', import.meta.url);

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
      routes.push({ method: m[1]!, path: new RegExp(`${pattern}$`), where: file });
    }
  }
  return routes;
}

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.close());

describe('the route table', () => {
  it('lists only routes the backend serves', async () => {
    expect(ROUTES.length).toBeGreaterThan(40);
    const me = await signUp(backend.api);
    const id = crypto.randomUUID();
    const unknown: string[] = [];
    for (const { method, path } of ROUTES) {
      const res = await me.api.request<{ error?: { message: string } }>(
        method.toUpperCase(),
        path.replace(/:\w+/g, id),
        method === 'get' || method === 'delete' ? undefined : {},
      );
      if (res.status === 404 && res.body?.error?.message.startsWith('No such endpoint'))
        unknown.push(`${method} ${path}`);
    }
    expect(unknown).toEqual([]);
    // The check can tell: a path nobody serves meets that answer.
    const missing = await me.api.request<{ error: { message: string } }>('GET', '/v1/no-such-thing');
    expect(missing.body.error.message).toMatch(/^No such endpoint: GET \/v1\/no-such-thing\. See docs\/api\.md\./);
  });

  it('lists every route the backend declares', async () => {
    const routes = await declaredRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const undocumented = routes
      .filter((r) => !ROUTES.some((d) => d.method === r.method && r.path.test(d.path)))
      .map((r) => `${r.method} ${r.path.source} (${r.where})`);
    expect(undocumented).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, served at /v1/openapi.json', async () => {
    const document = openApiDocument();
    const result = await new Validator().validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    const served = await backend.api.get('/v1/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('describes what the backend really answers', async () => {
    const document = openApiDocument();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    // The components' references (#/components/schemas/…) resolve inside one document.
    ajv.addSchema({ $id: 'openapi', components: document.components });
    const me = await signUp(backend.api);
    const answers: Record<string, string> = {
      '/healthz': 'Health',
      '/readyz': 'Readiness',
      '/v1/me': 'UserView',
      '/v1/profile': 'ProfileView',
      '/v1/profile/answers': 'AnswersView',
      '/v1/jobs/deck': 'DeckPage',
      '/v1/applications': 'ApplicationPage',
      '/v1/plan': 'UsageView',
      '/v1/devices': 'DeviceList',
      '/v1/no-such-thing': 'ErrorBody',
    };
    for (const [path, name] of Object.entries(answers)) {
      const operation = document.paths[path]?.get;
      if (operation) expect(JSON.stringify(operation.responses), path).toContain(`#/components/schemas/${name}`);
      const res = await me.api.get(path);
      const check = ajv.compile({ $ref: `openapi#/components/schemas/${name}` });
      expect(check(res.body), `${path}: ${ajv.errorsText(check.errors)}`).toBe(true);
    }
  });
});

describe('docs/api.md', () => {
  it('is what the OpenAPI document renders to (npx tsx protocol/src/print-api-doc.ts > docs/api.md)', async () => {
    const docs = await readFile(DOCS, 'utf8');
    expect(docs === renderApiDoc(openApiDocument()), 'docs/api.md is stale: regenerate it').toBe(true);
  });
});
