// Delivery never stalls: whatever order stream entries, events and frames arrive in, work that
// is waiting reaches a device with room for it, without depending on the device saying anything
// the protocol does not ask of it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applicationState } from '../../src/events/event-bus.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice, RawDevice, submitted } from '../support/devices.ts';
import { freePort } from '../support/redis-server.ts';
import { claimCounts, swipeRight, userWith } from '../support/users.ts';

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

describe('a result', () => {
  // Without Redis the node hands the status event of the result's own change to its sessions
  // while the result is still being recorded: the race seen with Redis, every time.
  let degraded: TestBackend;
  beforeAll(async () => {
    degraded = await startTestBackend({
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      SWIPE_RATE_LIMIT: '100000',
      PAIR_RATE_LIMIT: '1000',
    });
  });
  afterAll(() => degraded.close());

  it('gets exactly one answer, the ack, even when the status event of its own change comes first', {
    timeout: 60_000,
  }, async () => {
    const db = degraded.node.ctx.db.prisma;
    const user = await userWith(degraded.api, db);
    const ids = await swipeRight(user.api, db, 3);
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.hello(degraded.node.url, token, { capacity: 3 });
    stops.push(() => raw.close());
    for (let done = 0; done < ids.length; done++) {
      const offer = await raw.next('offer');
      raw.send({ type: 'claim', applicationId: offer.applicationId });
      const claimed = await raw.next('claimed');
      raw.send({ ...submitted, type: 'result', applicationId: offer.applicationId, leaseToken: claimed.leaseToken });
      expect(await raw.next('ack')).toMatchObject({ applicationId: offer.applicationId, status: 'SUBMITTED' });
    }
    raw.send({ type: 'ping', at: 2 });
    await raw.next('pong');
    expect(raw.received.filter((m) => m.type === 'lost')).toEqual([]);
  });
});

describe('a claim', () => {
  it('keeps its slot while it is decided: a device with room for one is never offered a second', async () => {
    const user = await userWith(backend.api, prisma());
    const [first, second] = await swipeRight(user.api, prisma(), 2);
    await inStream(user.user.id, second!);
    const { token } = await pairDevice(user.api);
    const raw = await device(token);
    expect((await raw.next('offer')).applicationId).toBe(first);
    // New work nudges this node while the claim is being decided.
    let claimed = false;
    const nudging = (async () => {
      while (!claimed) {
        backend.node.gateway.pumpUser(user.user.id);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    raw.send({ type: 'claim', applicationId: first! });
    await raw.next('claimed');
    claimed = true;
    await nudging;
    raw.send({ type: 'ping', at: 3 });
    await raw.next('pong');
    expect(raw.received.filter((m) => m.type === 'offer')).toEqual([]);
  });

  it('is not taken back by a status event older than the claim', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    const raw = await device(token);
    await raw.next('offer');
    raw.send({ type: 'claim', applicationId: id! });
    const claimed = await raw.next('claimed');
    // The swipe's "now QUEUED" event, delivered late (events cross nodes through Redis pub/sub).
    const queued = await prisma().applicationEvent.findFirstOrThrow({
      where: { applicationId: id, toStatus: 'QUEUED' },
    });
    const app = await prisma().application.findUniqueOrThrow({ where: { id } });
    await backend.node.ctx.events.publish(user.user.id, {
      type: 'application',
      kind: 'status',
      from: null,
      message: queued.message,
      application: {
        ...applicationState(app),
        status: 'QUEUED',
        executor: null,
        updatedAt: queued.createdAt.toISOString(),
      },
      at: queued.createdAt.toISOString(),
    });
    raw.send({ type: 'heartbeat', applicationId: id!, leaseToken: claimed.leaseToken, step: 'fill', percent: 10 });
    expect(await raw.next('lease')).toMatchObject({ applicationId: id, leaseToken: claimed.leaseToken });
    expect(raw.received.filter((m) => m.type === 'lost')).toEqual([]);
  });
});

describe('a claim whose reply was lost with the connection', () => {
  it('is offered again to the same device, whose claim gets the same lease back: no attempt lost', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    const first = await RawDevice.hello(backend.node.url, token);
    await first.next('offer');
    first.send({ type: 'claim', applicationId: id! });
    first.close(); // before the reply can arrive
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status)
      .toBe('CLAIMED');
    const lease = (await prisma().application.findUniqueOrThrow({ where: { id } })).leaseToken;

    const again = await device(token);
    expect((await again.next('offer')).applicationId).toBe(id);
    again.send({ type: 'claim', applicationId: id! });
    const claimed = await again.next('claimed');
    expect(claimed.leaseToken).toBe(lease.toString());
    again.send({ ...submitted, type: 'result', applicationId: id!, leaseToken: claimed.leaseToken });
    expect(await again.next('ack')).toMatchObject({ applicationId: id, status: 'SUBMITTED' });
    const app = await prisma().application.findUniqueOrThrow({ where: { id } });
    // One attempt used, under the one lease.
    expect(app).toMatchObject({ status: 'SUBMITTED', attempt: 1, leaseToken: lease });
    expect(await claimCounts(prisma(), [id!])).toEqual(new Map([[id, 1]]));
  });
});

describe('a claim when Postgres is too busy to start its transaction', () => {
  // One pooled connection, which the test holds: every other transaction has to wait for it.
  let busy: TestBackend;
  beforeAll(async () => {
    busy = await startTestBackend({
      SWIPE_RATE_LIMIT: '100000',
      PAIR_RATE_LIMIT: '1000',
      DATABASE_POOL_MAX: '1',
      DATABASE_TX_WAIT_MS: '500',
    });
  });
  afterAll(() => busy.close());

  /** Holds the node's only database connection for `ms`; `released` settles when it lets go. */
  async function holdDatabase(ms: number): Promise<{ released: Promise<void> }> {
    let started: () => void = () => {};
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const done = busy.node.ctx.db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`select 1`;
        started();
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    await holding;
    return { released: done };
  }

  async function offeredDevice() {
    const db = busy.node.ctx.db.prisma;
    const user = await userWith(busy.api, db);
    const [id] = await swipeRight(user.api, db, 1);
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.hello(busy.node.url, token);
    stops.push(() => raw.close());
    expect((await raw.next('offer')).applicationId).toBe(id);
    return { raw, id: id! };
  }

  it('is tried again with backoff, and succeeds once the database answers', { timeout: 60_000 }, async () => {
    const { raw, id } = await offeredDevice();
    const { released } = await holdDatabase(1_000);
    raw.send({ type: 'claim', applicationId: id });
    expect((await raw.next('claimed', 30_000)).applicationId).toBe(id);
    await released;
    expect(raw.received.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('that still fails hands its entry back at once: offered again when the database answers', {
    timeout: 60_000,
  }, async () => {
    const { raw, id } = await offeredDevice();
    const { released } = await holdDatabase(5_000);
    raw.send({ type: 'claim', applicationId: id });
    expect(await raw.next('error', 30_000)).toMatchObject({ code: 'internal', ref: 'claim', applicationId: id });
    await released;
    expect((await raw.next('offer', 30_000)).applicationId).toBe(id);
    raw.send({ type: 'claim', applicationId: id });
    expect((await raw.next('claimed', 30_000)).applicationId).toBe(id);
  });
});
