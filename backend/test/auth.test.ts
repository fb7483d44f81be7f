import { request } from 'node:http';
import type { AuthResponse, ErrorBody } from '@jobswipe/protocol';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';

let backend: TestBackend;
let api: Api;

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
  api = backend.api;
});
afterAll(() => backend.close());

describe('sign up and sign in', () => {
  it('creates an account, stores only an Argon2id hash, and opens a session', async () => {
    const { user, accessToken, refreshToken, api: me } = await signUp(api, 'Ada@Example.com');
    expect(user.email).toBe('ada@example.com');
    expect(accessToken).toMatch(/^ey/);
    expect(refreshToken).toMatch(/^rt_/);
    expect((await me.get('/v1/me')).body).toMatchObject({ id: user.id, planId: 'free', executionPreference: 'auto' });
    const row = await backend.node.ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse');
  });

  it('refuses a second account with the same email', async () => {
    await signUp(api, 'twice@example.com');
    const res = await api.post<ErrorBody>('/v1/auth/signup', {
      email: 'TWICE@example.com',
      password: 'another long password',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('signs in with the right password and refuses a wrong one without saying which part was wrong', async () => {
    await signUp(api, 'login@example.com', 'the right password');
    const ok = await api.post<AuthResponse>('/v1/auth/login', {
      email: 'login@example.com',
      password: 'the right password',
    });
    expect(ok.status).toBe(200);
    const wrong = await api.post<ErrorBody>('/v1/auth/login', {
      email: 'login@example.com',
      password: 'the wrong password',
    });
    const unknown = await api.post<ErrorBody>('/v1/auth/login', {
      email: 'nobody@example.com',
      password: 'the wrong password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    const audit = await backend.node.ctx.db.prisma.auditLog.findMany({ where: { action: 'login_failed' } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});

describe('access tokens', () => {
  it('requires a token on /v1 and says how to send it', async () => {
    const res = await api.get<ErrorBody>('/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/Authorization: Bearer/);
  });

  it('tells an expired token apart from a forged one', async () => {
    const { user } = await signUp(api);
    const key = new TextEncoder().encode(backend.env.JWT_SECRET);
    const expired = await new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('jobswipe')
      .setAudience('jobswipe-api')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const forged = await new SignJWT({ role: 'operator' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('jobswipe')
      .setAudience('jobswipe-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    expect((await api.as(expired).get<ErrorBody>('/v1/me')).body.error.code).toBe('token_expired');
    expect((await api.as(forged).get<ErrorBody>('/v1/me')).body.error.code).toBe('unauthenticated');
    expect((await api.as('not-a-jwt').get<ErrorBody>('/v1/me')).status).toBe(401);
  });

  it('refuses a correctly signed token that never expires', async () => {
    const { user } = await signUp(api);
    const forever = await new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('jobswipe')
      .setAudience('jobswipe-api')
      .sign(new TextEncoder().encode(backend.env.JWT_SECRET));
    const res = await api.as(forever).get<ErrorBody>('/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('refresh token rotation', () => {
  it('issues a new refresh token each time and accepts each one once', async () => {
    const first = await signUp(api);
    const second = await api.post<AuthResponse>('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await api.post<AuthResponse>('/v1/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);
    expect((await api.as(third.body.accessToken).get('/v1/me')).status).toBe(200);
  });

  it('revokes the whole sign-in when a used refresh token comes back (theft)', async () => {
    const victim = await signUp(api);
    const rotated = await api.post<AuthResponse>('/v1/auth/refresh', { refreshToken: victim.refreshToken });
    const replay = await api.post<ErrorBody>('/v1/auth/refresh', { refreshToken: victim.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/already used/);
    const legit = await api.post<ErrorBody>('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken });
    expect(legit.status).toBe(401);
    const events = await backend.node.ctx.db.prisma.auditLog.findMany({
      where: { userId: victim.user.id, action: 'refresh_token_reuse' },
    });
    expect(events).toHaveLength(1);
  });

  it('keeps other sign-ins of the same user alive when one is revoked', async () => {
    const a = await signUp(api, 'two-devices@example.com', 'two devices password');
    const b = await api.post<AuthResponse>('/v1/auth/login', {
      email: 'two-devices@example.com',
      password: 'two devices password',
    });
    await api.post('/v1/auth/logout', { refreshToken: a.refreshToken });
    expect((await api.post('/v1/auth/refresh', { refreshToken: a.refreshToken })).status).toBe(401);
    expect((await api.post('/v1/auth/refresh', { refreshToken: b.body.refreshToken })).status).toBe(200);
  });

  it('reads the refresh token from the httpOnly cookie the web site keeps', async () => {
    const res = await api.post('/v1/auth/signup', { email: 'cookie@example.com', password: 'cookie password 1' });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/js_refresh=rt_[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0] as string;
    const refreshed = await api.request<AuthResponse>('POST', '/v1/auth/refresh', {}, { headers: { cookie } });
    expect(refreshed.status).toBe(200);
  });
});

describe('bad input', () => {
  it('explains which field is wrong', async () => {
    const res = await api.post<ErrorBody>('/v1/auth/signup', { email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toMatchObject({ issues: [{ path: 'email' }, { path: 'password' }] });
  });

  it('answers malformed JSON and oversized bodies with clear errors, never a stack trace', async () => {
    const malformed = await api.request<ErrorBody>('POST', '/v1/auth/login', undefined, {
      raw: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const huge = await api.post<ErrorBody>('/v1/auth/login', { email: 'a@b.co', password: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(JSON.stringify(huge.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers unknown endpoints with a JSON 404', async () => {
    const res = await api.get<ErrorBody>('/v1/nope');
    expect(res.status).toBe(401);
    const me = await signUp(api);
    const missing = await me.api.get<ErrorBody>('/v1/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('rate limits', () => {
  it('slows down repeated sign-in attempts from one address', async () => {
    const limited = await startTestBackend({ AUTH_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await limited.api.post('/v1/auth/login', { email: 'x@example.com', password: 'whatever' })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await limited.api.post('/v1/auth/login', { email: 'x@example.com', password: 'whatever' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('per-account throttle', () => {
  /** A sign-in attempt from its own loopback address, as if from another machine. */
  function loginFrom(url: string, localAddress: string, email: string, password: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ email, password });
      const req = request(
        `${url}/v1/auth/login`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('slows down guesses at one account even when they come from many addresses', async () => {
    const limited = await startTestBackend({ AUTH_RATE_LIMIT: '3' });
    try {
      await signUp(limited.api, 'target@example.com', 'the right password 1');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(await loginFrom(limited.node.url, `127.0.0.${10 + i}`, 'Target@Example.com', `guess ${i}`));
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Another account, from a fresh address, is not held back by it.
      expect(await loginFrom(limited.node.url, '127.0.0.20', 'other@example.com', 'guess')).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
