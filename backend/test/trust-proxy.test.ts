// Behind a load balancer every request comes from the balancer's address. With TRUST_PROXY naming
// it, per-IP limits count each client (X-Forwarded-For); without it, one client behind the
// balancer would use up the limit of everyone else.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './support/backend.ts';

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

async function loginStatuses(trustProxy: string, clients: string[]): Promise<number[]> {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '2', TRUST_PROXY: trustProxy });
  const statuses: number[] = [];
  // A new account name each time: only the per-address limit is in play, not the per-account one.
  for (const [i, client] of clients.entries()) {
    const res = await backend.api.request(
      'POST',
      '/v1/auth/login',
      { email: `nobody-${i}@example.com`, password: 'x' },
      {
        headers: { 'x-forwarded-for': client },
      },
    );
    statuses.push(res.status);
  }
  return statuses;
}

describe('TRUST_PROXY', () => {
  it('limits each client behind a trusted proxy on its own', async () => {
    // Two failed sign-ins from one client use its limit; another client is not limited.
    expect(await loginStatuses('loopback', ['203.0.113.7', '203.0.113.7', '203.0.113.7', '198.51.100.2'])).toEqual([
      401, 401, 429, 401,
    ]);
  });

  it('believes no forwarded address unless told to', async () => {
    expect(await loginStatuses('false', ['203.0.113.7', '203.0.113.7', '198.51.100.2'])).toEqual([401, 401, 429]);
  });
});
