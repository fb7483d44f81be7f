// Delivery never stalls: whatever order stream entries, events and frames arrive in, work that
// is waiting reaches a device with room for it, without depending on the device saying anything
// the protocol does not ask of it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice, RawDevice } from '../support/devices.ts';
import { swipeRight, userWith } from '../support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;
const stops: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  backend = await startTestBackend({
    SWIPE_RATE_LIMIT: '100000',
    PAIR_RATE_LIMIT: '1000',
    OFFER_TIMEOUT_MS: '1000',
  });
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
afterAll(() => backend.close());

/** Resolves once the application's entry is in its user's device stream. */
async function inStream(userId: string, applicationId: string): Promise<void> {
  const { redis, keys } = backend.node.ctx;
  await expect
    .poll(async () => {
      const entries = await redis.xrange(keys.deviceStream(userId), '-', '+');
      return entries.some(([, fields]) => fields.includes(applicationId));
    })
    .toBe(true);
}

async function device(token: string, capacity = 1): Promise<RawDevice> {
  const raw = await RawDevice.hello(backend.node.url, token, { capacity });
  stops.push(() => raw.close());
  return raw;
}

describe('stream entries that are no longer waiting', () => {
  it('do not hide live work behind them: a device with room for one gets the live one', async () => {
    const user = await userWith(backend.api, prisma());
    const [cancelled] = await swipeRight(user.api, prisma(), 1);
    await inStream(user.user.id, cancelled!);
    expect((await user.api.post(`/v1/applications/${cancelled}/cancel`)).status).toBe(200);
    const [live] = await swipeRight(user.api, prisma(), 1);
    await inStream(user.user.id, live!);

    const { token } = await pairDevice(user.api);
    const raw = await device(token);
    expect((await raw.next('offer')).applicationId).toBe(live);
  });
});

describe('a device that declined an offer', () => {
  it('is offered work again after its next ping, as the protocol says', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    const raw = await device(token);
    expect((await raw.next('offer')).applicationId).toBe(id);
    raw.send({ type: 'decline', applicationId: id! });
    raw.send({ type: 'ping', at: 1 });
    await raw.next('pong');
    expect((await raw.next('offer')).applicationId).toBe(id);
  });

  it('is offered work again after the offer timeout even if it says nothing more', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    const raw = await device(token);
    expect((await raw.next('offer')).applicationId).toBe(id);
    raw.send({ type: 'decline', applicationId: id! });
    expect((await raw.next('offer')).applicationId).toBe(id);
  });
});
