// Hardening every response and upload carries: security headers from helmet, metrics kept off the
// public port without a token, and resume names that cannot disguise themselves.
import type { ErrorBody } from '@jobswipe/protocol';
import { LOGO_SOURCES } from '@jobswipe/protocol/job-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { minimalPdf } from './support/documents.ts';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

describe('security headers', () => {
  it('sends a CSP limited to our origin, refuses framing and sniffing, and no referrer, on the API and the app', async () => {
    for (const path of ['/v1/plans', '/', '/healthz']) {
      const res = await fetch(new URL(path, backend.node.url));
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/script-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      // Images from our origin and the boards' logo stores only: never any https host a posting names.
      expect(
        csp
          .split(';')
          .find((d) => d.trim().startsWith('img-src'))
          ?.trim(),
        path,
      ).toBe(`img-src 'self' data: blob: ${LOGO_SOURCES.join(' ')}`);
      expect(csp, path).not.toMatch(/upgrade-insecure-requests/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});

describe('metrics', () => {
  it('are not served on the public port without METRICS_TOKEN', async () => {
    const res = await fetch(new URL('/metrics', backend.node.url));
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/METRICS_TOKEN/);
  });
});

describe('resume file names', () => {
  it('lose bidi controls that would disguise the real extension', async () => {
    const me = await signUp(backend.api);
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(minimalPdf('CV'))], { type: 'application/pdf' }),
      'cv\u202Efdp.exe\u2066.pdf',
    );
    const res = await me.api.request<{ fileName: string }>('POST', '/v1/profile/resumes', undefined, { raw: form });
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('cvfdp.exe.pdf');
  });
});
