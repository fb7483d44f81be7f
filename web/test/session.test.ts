// The session against a real backend: calls that meet an expired token share one refresh, the
// token is renewed before it expires, and a refused refresh signs the user out.

import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api/client.ts';
import { ApiError } from '../src/api/http.ts';
import { Session, type SessionOptions } from '../src/session/session.ts';
import { cookieFetch } from './support/cookie-fetch.ts';

let backend: TestBackend;
const sessions: Session[] = [];

beforeAll(async () => {
  backend = await startTestBackend({ ACCESS_TOKEN_TTL_S: '2', AUTH_RATE_LIMIT: '1000' });
});

afterAll(async () => {
  for (const s of sessions) s.dispose();
  await backend?.close();
});

let n = 0;
async function signedIn(options: Partial<SessionOptions> = {}) {
  const jar = cookieFetch();
  const session = new Session({ baseUrl: backend.node.url, fetch: jar.fetch, storage: null, ...options });
  sessions.push(session);
  await session.signUp({ email: `session${n++}_${Date.now()}@example.com`, password: 'correct horse battery' });
  const api = new ApiClient(session, backend.node.url, jar.fetch);
  return { session, api, jar };
}

/** Polls until the backend refuses `token` as expired (the clock, not a sleep, decides). */
async function untilExpired(token: string) {
  await vi.waitFor(
    async () => {
      const res = await fetch(`${backend.node.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    },
    { timeout: 10_000, interval: 200 },
  );
}

describe('Session', () => {
  it('lets many calls that meet an expired token share a single refresh', async () => {
    const signedInAt = Date.now();
    // A clock stuck at sign-in: the session believes its token is fresh; only the server knows.
    const { session, api, jar } = await signedIn({ now: () => signedInAt, schedule: () => () => undefined });
    const stale = await session.accessToken();
    await untilExpired(stale!);

    const answers = await Promise.all(Array.from({ length: 6 }, () => api.me()));
    expect(answers.every((u) => u.id === session.state.user?.id)).toBe(true);
    expect(jar.calls('/v1/auth/refresh')).toBe(1);
    expect(await session.accessToken()).not.toBe(stale);
    // One refresh means no reuse of a rotated token: the session family is still valid.
    await expect(session.refresh()).resolves.toEqual(expect.any(String));
    expect(session.state.status).toBe('signed_in');
  });

  it('renews the token before it expires, so no call ever meets an expired one', async () => {
    const { session, api, jar } = await signedIn();
    const first = await session.accessToken();
    await vi.waitFor(async () => expect(await session.accessToken()).not.toBe(first), { timeout: 5_000 });
    expect(jar.calls('/v1/auth/refresh')).toBeGreaterThanOrEqual(1);
    await untilExpired(first!);
    await expect(api.me()).resolves.toMatchObject({ id: session.state.user?.id });
    // The call used an already renewed token: the server never had to refuse one.
    expect(jar.refused()).toBe(0);
  });

  it('signs out when the refresh is refused (the session was ended elsewhere)', async () => {
    const signedInAt = Date.now();
    const { session, api, jar } = await signedIn({ now: () => signedInAt, schedule: () => () => undefined });
    const token = await session.accessToken();
    // Signing out from another tab revokes the refresh token's family.
    await jar.fetch(`${backend.node.url}/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await untilExpired(token!);
    const failure = await api.me().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('unauthenticated');
    expect(session.state.status).toBe('signed_out');
  });

  it('restores a session from the refresh cookie alone, as a page load does', async () => {
    const { session, jar } = await signedIn();
    const reloaded = new Session({ baseUrl: backend.node.url, fetch: jar.fetch, storage: null });
    sessions.push(reloaded);
    expect(reloaded.state.status).toBe('restoring');
    await reloaded.restore();
    expect(reloaded.state).toMatchObject({ status: 'signed_in', user: { id: session.state.user?.id } });
  });
});
