// What one user can do to a gateway node with connections: one socket per device (a new one
// replaces the old, wherever it is), a cap on devices connected at once, and closing a socket
// costs work for that socket alone.
import { MAX_CONNECTED_DEVICES } from '@jobswipe/protocol/device';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendNode } from '../../src/node.ts';
import { startTestCluster, type TestCluster } from '../support/backend.ts';
import { pairDevice, RawDevice } from '../support/devices.ts';
import { swipeRight, userWith } from '../support/users.ts';

let cluster: TestCluster;
const prisma = () => cluster.nodes[0]!.ctx.db.prisma;

beforeAll(async () => {
  cluster = await startTestCluster(2, { SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000' });
});
afterAll(() => cluster.close());

async function pumps(node: BackendNode): Promise<number> {
  const metric = await node.ctx.metrics.registry.getSingleMetric('jobswipe_device_pumps_total')?.get();
  return metric?.values[0]?.value ?? Number.NaN;
}

describe('device connections', () => {
  it('keeps one socket per device: a new connection replaces the old one, on this node or another', async () => {
    const [a, b] = cluster.nodes;
    const user = await userWith(cluster.apis[0]!, prisma());
    const { token } = await pairDevice(user.api);
    const sockets: RawDevice[] = [];
    for (let i = 0; i < 5; i++) sockets.push(await RawDevice.hello(a!.url, token));
    for (const old of sockets.slice(0, -1)) await expect.poll(() => old.closed?.code).toBe(4002);
    expect(sockets.at(-1)!.closed).toBeNull();
    await expect.poll(() => a!.gateway.connected(user.user.id).length).toBe(1);

    const elsewhere = await RawDevice.hello(b!.url, token);
    await expect.poll(() => sockets.at(-1)!.closed?.code).toBe(4002);
    await expect.poll(() => a!.gateway.connected(user.user.id).length).toBe(0);
    // The device is still reachable: new work reaches the one socket left.
    const [id] = await swipeRight(user.api, prisma(), 1);
    expect((await elsewhere.next('offer')).applicationId).toBe(id);
    expect(await prisma().device.count({ where: { userId: user.user.id } })).toBe(1);
    elsewhere.close();
  });

  it(`refuses a user's device beyond ${MAX_CONNECTED_DEVICES} connected at once`, { timeout: 60_000 }, async () => {
    const [a] = cluster.nodes;
    const user = await userWith(cluster.apis[0]!, prisma());
    const sockets: RawDevice[] = [];
    for (let i = 0; i < MAX_CONNECTED_DEVICES; i++) {
      const { token } = await pairDevice(user.api, 'desktop', `laptop ${i}`);
      sockets.push(await RawDevice.hello(a!.url, token));
    }
    const { token } = await pairDevice(user.api, 'desktop', 'one too many');
    const extra = await RawDevice.connect(a!.url);
    extra.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    expect(await extra.next('error')).toMatchObject({ code: 'rate_limited' });
    await expect.poll(() => extra.closed?.code).toBe(4008);
    expect(sockets.every((s) => s.closed === null)).toBe(true);
    for (const s of sockets) s.close();
  });

  it('closing sockets does work for those sockets only: no other session is pumped', {
    timeout: 60_000,
  }, async () => {
    const [a] = cluster.nodes;
    const user = await userWith(cluster.apis[0]!, prisma());
    const sockets: RawDevice[] = [];
    for (let i = 0; i < MAX_CONNECTED_DEVICES; i++) {
      const { token } = await pairDevice(user.api, 'desktop', `laptop ${i}`);
      sockets.push(await RawDevice.hello(a!.url, token));
    }
    // A connection's frames are handled in order: its pong comes after its hello's work is done.
    for (const s of sockets) {
      s.send({ type: 'ping', at: 0 });
      await s.next('pong');
    }
    const before = await pumps(a!);
    for (const s of sockets) s.close();
    await expect.poll(() => a!.gateway.connected(user.user.id).length).toBe(0);
    expect(await pumps(a!)).toBe(before);
  });
});
