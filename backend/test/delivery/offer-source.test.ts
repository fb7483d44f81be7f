// What a device's reads leave pending in its stream: a duplicate entry for an application the
// device already holds is acknowledged (it would otherwise stay in the device's pending list for
// good), while the entry of an application it was offered and has not claimed stays until the
// claim or the hand-back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OfferSource } from '../../src/gateway/offer-source.ts';
import { claim } from '../../src/leases/claim.ts';
import { DEVICE_GROUP } from '../../src/redis/keys.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice } from '../support/devices.ts';
import { streamApplications } from '../support/lost-entry.ts';
import { swipeRight, userWith } from '../support/users.ts';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.close());

it('acknowledges a duplicate entry for an application the device holds, and keeps the one it was offered', async () => {
  const { ctx, streams } = backend.node;
  const redis = ctx.redis!;
  const user = await userWith(backend.api, ctx.db.prisma);
  const { deviceId } = await pairDevice(user.api);
  const device = { deviceId, userId: user.user.id };
  const stream = ctx.keys.deviceStream(device.userId);
  const [held, offered] = await swipeRight(user.api, ctx.db.prisma, 2);
  await expect.poll(() => streamApplications(redis, stream), { timeout: 10_000 }).toEqual([held, offered]);

  const source = new OfferSource(ctx, streams);
  const offers = await source.next(device, 2, '>', new Set());
  expect(offers.map((o) => o.applicationId)).toEqual([held, offered]);
  // The device claims the first, and its entry is acknowledged, as its session does.
  expect((await claim(ctx, { kind: 'device', ...device }, held!)).ok).toBe(true);
  await streams.ackApplication(stream, DEVICE_GROUP, deviceId, held!);
  // The same application published again (a relay's retry, a reconciliation).
  await streams.publish({ applicationId: held!, userId: device.userId, lane: 'device', priority: 0 });

  const exclude = new Set([held!, offered!]);
  expect(await source.next(device, 1, '>', exclude)).toEqual([]);
  expect(await source.next(device, 1, '0', exclude)).toEqual([]);
  // Acknowledged entries are deleted: what is left is the offered one's, still pending.
  expect(await streamApplications(redis, stream)).toEqual([offered]);
  expect(await redis.xpending(stream, DEVICE_GROUP, '-', '+', 10, deviceId)).toHaveLength(1);
});
