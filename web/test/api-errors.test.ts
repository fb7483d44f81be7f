// The API's refusals as the site shows them: the real backend's validation error becomes one
// message per field, and a server that cannot be reached reads as "offline", not as a refusal.

import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, NetworkError, requestJson } from '../src/api/http.ts';
import { fieldErrors, userMessage } from '../src/ui/user-message.ts';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000' });
});

afterAll(async () => {
  await backend?.close();
});

describe('API errors', () => {
  it("turns the backend's validation error into a message per field", async () => {
    const err = await requestJson(fetch, `${backend.node.url}/v1/auth/signup`, {
      method: 'POST',
      body: { email: 'not-an-email', password: 'short' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(fieldErrors(err)).toEqual({
      email: 'must be an email address',
      password: 'must be at least 10 characters',
    });
  });

  it("shows under the password field why the backend's password policy refused it", async () => {
    const err = await requestJson(fetch, `${backend.node.url}/v1/auth/signup`, {
      method: 'POST',
      body: { email: 'weak@example.com', password: 'password123456' },
    }).catch((e: unknown) => e);
    expect(fieldErrors(err)).toEqual({
      password: expect.stringMatching(/^is too easy to guess\. This is similar to a commonly used password/),
    });
  });

  it('shows the server’s own words for a refusal, and the way out when unreachable', async () => {
    await requestJson(fetch, `${backend.node.url}/v1/auth/signup`, {
      method: 'POST',
      body: { email: 'twice@example.com', password: 'correct horse battery' },
    });
    const conflict = await requestJson(fetch, `${backend.node.url}/v1/auth/signup`, {
      method: 'POST',
      body: { email: 'twice@example.com', password: 'correct horse battery' },
    }).catch((e: unknown) => e);
    expect(userMessage(conflict)).toBe('An account with this email already exists. Sign in instead.');
    expect(fieldErrors(conflict)).toEqual({});

    const offline = await requestJson(fetch, 'http://127.0.0.1:1/v1/me').catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(NetworkError);
    expect(userMessage(offline)).toMatch(/offline or JobSwipe can't be reached/);
  });
});
