import { request } from 'node:http';
import type { AuthResponse, ErrorBody } from '@jobswipe/protocol';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../src/auth/access-tokens.ts';
import { RESET_TTL_MS } from '../src/auth/password-reset.ts';
import { hashToken, newSecretToken } from '../src/auth/secret-tokens.ts';
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

  it('refuses a token once it expires, though it was accepted (and remembered) before', async () => {
    const tokens = new AccessTokens('s'.repeat(40), 1);
    const claims = { userId: '00000000-0000-4000-8000-000000000001', role: 'user', sessionId: 's1' } as const;
    const { token, expiresAt } = await tokens.issue(claims);
    expect(await tokens.verify(token)).toEqual({ ...claims, expiresAt });
    // The token's exp is in whole seconds: wait past it.
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(expiresAt.getTime() / 1000) * 1000 - Date.now() + 50));
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'token_expired' });
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
    const a = await signUp(api, 'two-devices@example.com', 'a second laptop passphrase');
    const b = await api.post<AuthResponse>('/v1/auth/login', {
      email: 'two-devices@example.com',
      password: 'a second laptop passphrase',
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

describe('password policy', () => {
  async function refusedSignup(email: string, password: string): Promise<string> {
    const res = await api.post<ErrorBody>('/v1/auth/signup', { email, password });
    expect(res.status, password).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const issues = (res.body.error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['password']);
    expect(res.body.error.message).toBe(`Invalid body: password: ${issues[0]?.message}`);
    return issues[0]?.message as string;
  }

  it('refuses common passwords at sign-up, saying why, and creates no account', async () => {
    expect(await refusedSignup('common1@example.com', 'password123456')).toMatch(
      /^is too easy to guess\. This is similar to a commonly used password/,
    );
    expect(await refusedSignup('common2@example.com', 'qwertyuiop12')).toMatch(/^is too easy to guess/);
    expect(await backend.node.ctx.db.prisma.user.count({ where: { email: { startsWith: 'common' } } })).toBe(0);
  });

  it('refuses passwords made from the email address', async () => {
    expect(await refusedSignup('alice.smith@example.com', 'alice.smith2024')).toBe(
      'is built from your email address. Choose one that does not contain it.',
    );
    expect(await refusedSignup('bobsmithers@example.com', 'bobsmithers77')).toMatch(
      /^is too easy to guess|^is built from your email address/,
    );
    expect(await refusedSignup('carol@globex.com', 'Globex-Carol-1')).toMatch(
      /^is too easy to guess|^is built from your email address/,
    );
    // The same kind of password is fine for someone else.
    const ok = await api.post('/v1/auth/signup', { email: 'dave@example.com', password: 'alice.smith2024' });
    expect(ok.status).toBe(201);
  });

  it('refuses a weak new password at reset, leaving the link usable for a strong one', async () => {
    const user = await signUp(api, 'reset-policy@example.com');
    const token = newSecretToken('pr');
    await backend.node.ctx.db.prisma.passwordReset.create({
      data: { userId: user.user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) },
    });
    const weak = await api.post<ErrorBody>('/v1/auth/password/reset', { token, password: 'reset-policy2024' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toBe(
      'Invalid body: password: is built from your email address. Choose one that does not contain it.',
    );
    const strong = await api.post('/v1/auth/password/reset', { token, password: 'a brand new passphrase' });
    expect(strong.status).toBe(204);
    const login = await api.post('/v1/auth/login', { email: user.user.email, password: 'a brand new passphrase' });
    expect(login.status).toBe(200);
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
