// A claim sent twice (an executor repeating it after its reply seemed lost) is answered twice with
// the same lease, since claims are idempotent per executor. The executor client must run the
// application once, not once per answer.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice, startDevice, submitted, wsUrl } from '../support/devices.ts';
import { claimCounts, swipeRight, userWith } from '../support/users.ts';

let backend: TestBackend;
let relay: WebSocketServer;
let relayUrl: string;

beforeAll(async () => {
  backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000' });
  // Between the device and the backend: passes every frame on, and every claim twice.
  relay = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  relay.on('connection', (device) => {
    const upstream = new WebSocket(wsUrl(backend.node.url, '/v1/devices/connect'));
    const pending: string[] = [];
    upstream.on('open', () => {
      for (const frame of pending.splice(0)) upstream.send(frame);
    });
    upstream.on('message', (data) => device.send(String(data)));
    upstream.on('close', () => device.close());
    device.on('close', () => upstream.close());
    device.on('message', (data) => {
      const frame = String(data);
      const copies = (JSON.parse(frame) as { type: string }).type === 'claim' ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        if (upstream.readyState === WebSocket.OPEN) upstream.send(frame);
        else pending.push(frame);
      }
    });
  });
  await new Promise((resolve) => relay.once('listening', resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const client of relay.clients) client.terminate();
  await new Promise((resolve) => relay.close(resolve));
  await backend.close();
});

it.each([1, 2])(
  'runs an application once when its claim is sent twice (capacity %i)',
  { timeout: 60_000 },
  async (capacity) => {
    const prisma = backend.node.ctx.db.prisma;
    const user = await userWith(backend.api, prisma);
    const { token } = await pairDevice(user.api);
    // Still running when the second answer arrives.
    const slow = () => new Promise<typeof submitted>((resolve) => setTimeout(() => resolve(submitted), 500));
    const device = startDevice(relayUrl, token, slow, { capacity });
    try {
      const [id] = await swipeRight(user.api, prisma, 1);
      await expect
        .poll(async () => (await prisma.application.findUniqueOrThrow({ where: { id: id! } })).status, {
          // The poll's own 1 s is shorter than the first claim of a fresh backend takes.
          timeout: 20_000,
        })
        .toBe('SUBMITTED');
      expect(device.claimed).toEqual([id]);
      expect([...(await claimCounts(prisma, [id!])).values()]).toEqual([1]);
    } finally {
      await device.client.stop();
    }
  },
);
