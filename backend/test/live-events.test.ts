// The web's live-events socket lives no longer than the sign-in that opened it: it closes when
// the access token expires (unless a fresh one is sent on it) and when that sign-in signs out,
// on whichever node the socket is.
import type { AuthResponse } from '@jobswipe/protocol';
import type { EventsServerMessage } from '@jobswipe/protocol/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { signUp } from './support/api.ts';
import { startTestCluster, type TestCluster } from './support/backend.ts';
import { wsUrl } from './support/devices.ts';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster(2, { AUTH_RATE_LIMIT: '1000', ACCESS_TOKEN_TTL_S: '5' });
});
afterAll(() => cluster.close());

async function watch(nodeUrl: string, accessToken: string) {
  const events: EventsServerMessage[] = [];
  const ws = new WebSocket(wsUrl(nodeUrl, '/v1/events'));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  ws.on('message', (data) => events.push(JSON.parse(String(data)) as EventsServerMessage));
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  ws.send(JSON.stringify({ type: 'auth', token: accessToken }));
  await expect.poll(() => events.some((e) => e.type === 'ready')).toBe(true);
  return { ws, events, closed, isOpen: () => ws.readyState === ws.OPEN };
}

describe('the live-events socket', () => {
  it('closes on every node when its sign-in signs out, and only that sign-in’s sockets', async () => {
    const [a] = cluster.apis;
    const first = await signUp(a!);
    const second = await a!.post<AuthResponse>('/v1/auth/login', { email: first.user.email, password: first.password });
    const onB = await watch(cluster.nodes[1]!.url, first.accessToken);
    const otherSignIn = await watch(cluster.nodes[1]!.url, second.body.accessToken);

    expect((await a!.post('/v1/auth/logout', { refreshToken: first.refreshToken })).status).toBe(204);
    expect(await onB.closed).toEqual({ code: 4003, reason: 'signed out' });
    expect(onB.events.at(-1)).toMatchObject({ type: 'error', code: 'unauthenticated' });
    expect(otherSignIn.isOpen()).toBe(true);
    otherSignIn.ws.close();
  });

  it('closes on every node when a used refresh token of its sign-in comes back (theft)', async () => {
    const [a] = cluster.apis;
    const victim = await signUp(a!);
    const otherSignIn = await a!.post<AuthResponse>('/v1/auth/login', {
      email: victim.user.email,
      password: victim.password,
    });
    const onB = await watch(cluster.nodes[1]!.url, victim.accessToken);
    const unrelated = await watch(cluster.nodes[1]!.url, otherSignIn.body.accessToken);
    // The victim refreshes; the thief then replays the token it copied.
    expect((await a!.post('/v1/auth/refresh', { refreshToken: victim.refreshToken })).status).toBe(200);
    expect((await a!.post('/v1/auth/refresh', { refreshToken: victim.refreshToken })).status).toBe(401);
    expect(await onB.closed).toEqual({ code: 4003, reason: 'signed out' });
    expect(unrelated.isOpen()).toBe(true);
    unrelated.ws.close();
  });

  it('closes when the access token expires, unless a fresh token arrives on it first', async () => {
    const me = await signUp(cluster.apis[0]!);
    const stale = await watch(cluster.nodes[0]!.url, me.accessToken);
    const renewed = await watch(cluster.nodes[0]!.url, me.accessToken);
    // Token lifetimes count in whole seconds: renew late enough that the fresh one outlives the first.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const fresh = await cluster.apis[0]!.post<AuthResponse>('/v1/auth/refresh', { refreshToken: me.refreshToken });
    renewed.ws.send(JSON.stringify({ type: 'auth', token: fresh.body.accessToken }));

    expect(await stale.closed).toEqual({ code: 4003, reason: 'token expired' });
    expect(stale.events.at(-1)).toMatchObject({ type: 'error', code: 'token_expired' });
    const expiredAt = new Date(me.accessTokenExpiresAt).getTime();
    expect(Date.now()).toBeGreaterThanOrEqual(expiredAt - 1000);
    expect(renewed.isOpen()).toBe(true);
    // A token of another user is refused on a socket already signed in.
    const stranger = await signUp(cluster.apis[0]!);
    renewed.ws.send(JSON.stringify({ type: 'auth', token: stranger.accessToken }));
    expect(await renewed.closed).toEqual({ code: 4003, reason: 'forbidden' });
  });
});
