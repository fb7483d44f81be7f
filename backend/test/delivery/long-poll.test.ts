import type { BackendMessage } from '@jobswipe/protocol/device';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice } from '../support/devices.ts';
import { swipeRight, userWith } from '../support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

function device(token: string) {
  const call = async <T = BackendMessage>(path: string, body: unknown) => {
    const res = await fetch(`${backend.node.url}/v1/devices/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    poll: (waitMs: number, held: unknown[] = []) =>
      call<{ messages: BackendMessage[] }>('poll', { kind: 'extension', version: 't', capacity: 2, held, waitMs }),
    call,
  };
}

describe('the long-poll fallback', () => {
  it('has the same semantics as the socket: offers, claim, heartbeat, result', async () => {
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api, 'extension');
    const dev = device(token);
    const waiting = dev.poll(20_000);
    const [id] = await swipeRight(user.api, prisma(), 1);
    const polled = await waiting;
    expect(polled.status).toBe(200);
    expect(polled.body.messages).toMatchObject([{ type: 'offer', applicationId: id }]);

    const claimed = await dev.call('claim', { applicationId: id });
    expect(claimed.body).toMatchObject({ type: 'claimed', applicationId: id });
    const leaseToken = (claimed.body as { leaseToken: string }).leaseToken;
    expect(
      (await dev.call('heartbeat', { applicationId: id, leaseToken, step: 'fill', percent: 30 })).body,
    ).toMatchObject({
      type: 'lease',
    });
    const result = await dev.call('result', {
      applicationId: id,
      leaseToken,
      outcome: 'submitted',
      errorClass: null,
      message: null,
      confirmation: 'done',
    });
    expect(result.body).toMatchObject({ type: 'ack', status: 'SUBMITTED' });
    expect(
      (await dev.call('heartbeat', { applicationId: id, leaseToken, step: 'fill', percent: 30 })).body,
    ).toMatchObject({
      type: 'lost',
    });
  });

  it('re-offers an application offered but not claimed, answers the leases it holds, and returns empty after the wait', async () => {
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api, 'extension');
    const [id] = await swipeRight(user.api, prisma(), 1);
    const dev = device(token);
    // The swipe's answer does not wait for the publish: the first poll waits for the offer.
    expect((await dev.poll(5_000)).body.messages).toMatchObject([{ type: 'offer', applicationId: id }]);
    expect((await dev.poll(0)).body.messages).toMatchObject([{ type: 'offer', applicationId: id }]);
    const claimed = await dev.call<{ leaseToken: string }>('claim', { applicationId: id });
    const held = [{ applicationId: id, leaseToken: claimed.body.leaseToken }];
    expect((await dev.poll(0, held)).body.messages).toMatchObject([{ type: 'lease', applicationId: id }]);
    await dev.call('result', { ...held[0], outcome: 'submitted', errorClass: null, message: null, confirmation: 'ok' });
    expect((await dev.poll(300)).body.messages).toEqual([]);
  });

  it('refuses a missing or wrong device token and a bad body', async () => {
    const res = await fetch(`${backend.node.url}/v1/devices/poll`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api, 'extension');
    expect((await device('dt_wrong-token-value').poll(0)).status).toBe(401);
    expect((await device(token).call('poll', { capacity: 'lots' })).status).toBe(400);
    expect((await device(token).call('claim', { applicationId: 'nope' })).status).toBe(400);
  });
});
