// Requests a client got wrong: each answers 400 saying what to fix, never a 500, and changes nothing.
import { gzipSync } from 'node:zlib';
import type { ErrorBody } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { pairDevice } from './support/devices.ts';

let backend: TestBackend;
let me: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
  me = await signUp(backend.api);
});
afterAll(() => backend.close());

async function send(api: Api, path: string, raw: string | Uint8Array, headers: Record<string, string>) {
  return api.request<ErrorBody>('POST', path, undefined, { raw, headers });
}

describe('request bodies that cannot be read', () => {
  it('answers a bogus or lying Content-Encoding with 400 naming it', async () => {
    const json = { 'content-type': 'application/json' };
    const bogus = await send(backend.api, '/v1/auth/login', '{}', { ...json, 'content-encoding': 'x-bogus' });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.message).toMatch(/Content-Encoding "x-bogus" is not supported/);

    const notGzip = await send(backend.api, '/v1/auth/login', '{"email":"a@b.co"}', {
      ...json,
      'content-encoding': 'gzip',
    });
    expect(notGzip.status).toBe(400);
    expect(notGzip.body.error.message).toMatch(/could not be read.*Content-Encoding/);

    const emptyGzip = await send(backend.api, '/v1/auth/login', new Uint8Array(0), {
      ...json,
      'content-encoding': 'gzip',
    });
    expect(emptyGzip.status).toBe(400);

    // A real gzip body is read as usual.
    const body = gzipSync(JSON.stringify({ email: me.user.email, password: me.password }));
    const gzipped = await send(backend.api, '/v1/auth/login', body, { ...json, 'content-encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
  });

  it('answers zero-byte bodies and uploads with 400 saying what to send', async () => {
    const empty = await send(me.api, '/v1/swipes', '', { 'content-type': 'application/json' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');

    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(0)], { type: 'application/pdf' }), 'empty.pdf');
    const emptyFile = await me.api.request<ErrorBody>('POST', '/v1/profile/resumes', undefined, { raw: form });
    expect(emptyFile.status).toBe(400);
    expect(emptyFile.body.error.message).toMatch(/The file is empty/);

    const noParts = await send(me.api, '/v1/profile/resumes', '', {
      'content-type': 'multipart/form-data; boundary=xyz',
    });
    expect(noParts.status).toBe(400);
    expect(noParts.body.error.message).toMatch(/multipart/);

    const compressed = await send(me.api, '/v1/profile/resumes', '--xyz--', {
      'content-type': 'multipart/form-data; boundary=xyz',
      'content-encoding': 'gzip',
    });
    expect(compressed.status).toBe(400);
    expect(compressed.body.error.message).toMatch(/Content-Encoding "gzip" is not accepted on uploads/);
    expect(await backend.node.ctx.db.prisma.resume.count({ where: { userId: me.user.id } })).toBe(0);
  });
});

describe('lease tokens', () => {
  it('answers a lease token beyond any bigint with 400, on every route that takes one', async () => {
    const device = await pairDevice(me.api);
    const asDevice = backend.api.as(device.token);
    const applicationId = crypto.randomUUID();
    const huge = '9999999999999999999';
    for (const [type, extra] of [
      ['heartbeat', { step: 'fill', percent: 10 }],
      [
        'result',
        { outcome: 'submitted', errorClass: null, message: null, confirmation: null, unanswered: [], evidenceIds: [] },
      ],
      ['release', { reason: 'done' }],
    ] as const) {
      const res = await asDevice.post<ErrorBody>(`/v1/devices/${type}`, { applicationId, leaseToken: huge, ...extra });
      expect(res.status, type).toBe(400);
      expect(res.body.error.message, type).toMatch(/leaseToken: is larger than any lease token/);
    }
    const form = new FormData();
    form.set('leaseToken', huge);
    form.set(
      'file',
      new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])], { type: 'image/png' }),
      'a.png',
    );
    const evidence = await asDevice.request<ErrorBody>(
      'POST',
      `/v1/applications/${applicationId}/evidence`,
      undefined,
      {
        raw: form,
      },
    );
    expect(evidence.status).toBe(400);
    expect(evidence.body.error.message).toMatch(/leaseToken/);
    // The largest real bigint is still a well-formed token: refused as stale, not as malformed.
    const largest = await asDevice.post<ErrorBody>('/v1/devices/release', {
      applicationId,
      leaseToken: '9223372036854775807',
      reason: 'done',
    });
    expect(largest.status).toBe(200);
  });
});
