import { ApplicationEvent, type EventsServerMessage } from '@jobswipe/protocol/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Api } from '../support/api.ts';
import { startTestCluster, type TestCluster } from '../support/backend.ts';
import { pairDevice, RawDevice, startDevice, wsUrl } from '../support/devices.ts';
import { swipeRight, userWith } from '../support/users.ts';

let cluster: TestCluster;
const prisma = () => cluster.nodes[0]!.ctx.db.prisma;

beforeAll(async () => {
  cluster = await startTestCluster(3, { SWIPE_RATE_LIMIT: '100000', PAIR_RATE_LIMIT: '1000' });
});
afterAll(() => cluster.close());

/** The web's live events for a user, from one node. */
async function watchEvents(nodeUrl: string, accessToken: string) {
  const events: EventsServerMessage[] = [];
  const ws = new WebSocket(wsUrl(nodeUrl, '/v1/events'));
  ws.on('message', (data) => events.push(JSON.parse(String(data)) as EventsServerMessage));
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  ws.send(JSON.stringify({ type: 'auth', token: accessToken }));
  await expect.poll(() => events.some((e) => e.type === 'ready')).toBe(true);
  return { events, close: () => ws.close() };
}

describe('several backend nodes', () => {
  it('device on node A, swipe on node B, web client on node C: the offer and every status event arrive', {
    timeout: 60_000,
  }, async () => {
    const [a, b, c] = cluster.nodes;
    const user = await userWith(cluster.apis[1]!, prisma());
    const web = await watchEvents(c!.url, user.accessToken);
    const { token } = await pairDevice(user.api);
    const device = await RawDevice.connect(a!.url);
    device.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    await device.next('welcome');

    const [id] = await swipeRight(new Api(b!.url, user.accessToken), prisma(), 1);
    const offer = await device.next('offer');
    expect(offer.applicationId).toBe(id);
    device.send({ type: 'claim', applicationId: id! });
    const claimed = await device.next('claimed');
    device.send({ type: 'heartbeat', applicationId: id!, leaseToken: claimed.leaseToken, step: 'fill', percent: 40 });
    await device.next('lease');
    device.send({
      type: 'result',
      applicationId: id!,
      leaseToken: claimed.leaseToken,
      outcome: 'submitted',
      errorClass: null,
      message: null,
      confirmation: 'ok',
      unanswered: [],
      evidenceIds: [],
    });
    await device.next('ack');

    const mine = () =>
      web.events.filter((e): e is ApplicationEvent => e.type === 'application' && e.application.id === id);
    await expect
      .poll(() =>
        mine().map((e) => (e.kind === 'progress' ? `progress:${e.application.progressStep}` : e.application.status)),
      )
      .toEqual(['QUEUED', 'CLAIMED', 'RUNNING', 'SUBMITTED']);
    for (const e of mine()) expect(ApplicationEvent.safeParse(e).success).toBe(true);
    expect(web.events.some((e) => e.type === 'device' && e.online)).toBe(true);
    device.close();
    web.close();
  });

  it('two devices on different nodes share one user backlog, each application once', { timeout: 60_000 }, async () => {
    const user = await userWith(cluster.apis[0]!, prisma());
    const one = await pairDevice(user.api, 'desktop', 'one');
    const two = await pairDevice(user.api, 'extension', 'two');
    const slow = async () => {
      await new Promise((r) => setTimeout(r, 50));
      return {
        outcome: 'submitted' as const,
        errorClass: null,
        message: null,
        confirmation: 'ok',
        unanswered: [],
        evidenceIds: [],
      };
    };
    const d1 = startDevice(cluster.nodes[0]!.url, one.token, slow, { capacity: 2 });
    const d2 = startDevice(cluster.nodes[2]!.url, two.token, slow, { capacity: 2 });
    await expect.poll(() => d1.client.isConnected && d2.client.isConnected).toBe(true);
    const ids = await swipeRight(cluster.apis[1]!.as(user.accessToken), prisma(), 20);
    await expect
      .poll(async () => await prisma().application.count({ where: { id: { in: ids }, status: 'SUBMITTED' } }), {
        timeout: 30_000,
      })
      .toBe(20);
    expect([...d1.claimed, ...d2.claimed].sort()).toEqual([...ids].sort());
    await d1.client.stop();
    await d2.client.stop();
  });
});
