import type { ApplicationDetail, ErrorBody, FilledField, SwipeResponse } from '@jobswipe/protocol';
import { type JobContext, jobContextOf } from '@jobswipe/protocol/device';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { claim } from '../../src/leases/claim.ts';
import { startTestBackend, type TestBackend } from '../support/backend.ts';
import { pairDevice, RawDevice, startDevice, submitted } from '../support/devices.ts';
import { createJobs } from '../support/factories.ts';
import { claimCounts, swipeRight, userWith } from '../support/users.ts';

let backend: TestBackend;
const prisma = () => backend.node.ctx.db.prisma;
const stops: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  backend = await startTestBackend({
    SWIPE_RATE_LIMIT: '100000',
    PAIR_RATE_LIMIT: '1000',
    // Short, so lapses are quick to test, but several heartbeats long even on a loaded machine:
    // a lease lapsing under a live device would rightly offer its application again.
    DEVICE_LEASE_MS: '5000',
    REAPER_INTERVAL_MS: '200',
    HELLO_TIMEOUT_MS: '1500',
  });
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
afterAll(() => backend.close());

async function statuses(ids: string[]) {
  const rows = await prisma().application.findMany({ where: { id: { in: ids } }, select: { status: true } });
  return rows.map((r) => r.status);
}

describe('the device gateway', () => {
  it('delivers a 50-application offline backlog to a device that connects, each exactly once', {
    timeout: 60_000,
  }, async () => {
    const user = await userWith(backend.api, prisma());
    const ids = await swipeRight(user.api, prisma(), 50);
    const { token } = await pairDevice(user.api);
    const device = startDevice(backend.node.url, token, undefined, { capacity: 4 });
    stops.push(() => device.client.stop());
    await expect.poll(() => statuses(ids), { timeout: 30_000 }).toEqual(Array(50).fill('SUBMITTED'));
    expect(device.claimed.sort()).toEqual([...ids].sort());
    expect([...(await claimCounts(prisma(), ids)).values()].every((n) => n === 1)).toBe(true);
  });

  it('lets two devices of one user compete: every application goes to exactly one of them', {
    timeout: 60_000,
  }, async () => {
    const user = await userWith(backend.api, prisma());
    const a = await pairDevice(user.api, 'desktop', 'A');
    const b = await pairDevice(user.api, 'extension', 'B');
    const slow = () => new Promise<typeof submitted>((resolve) => setTimeout(() => resolve(submitted), 100));
    const devA = startDevice(backend.node.url, a.token, slow, { capacity: 3 });
    const devB = startDevice(backend.node.url, b.token, slow, { capacity: 3 });
    stops.push(
      () => devA.client.stop(),
      () => devB.client.stop(),
    );
    await expect.poll(() => devA.client.isConnected && devB.client.isConnected).toBe(true);
    // A server-lane executor tries to take every one of them too: the lane guard refuses it.
    const ids = await swipeRight(user.api, prisma(), 30);
    const server = await Promise.all(
      ids.map((id) => claim(backend.node.ctx, { kind: 'server', workerId: 'rogue' }, id)),
    );
    expect(server.every((o) => !o.ok)).toBe(true);
    await expect.poll(() => statuses(ids), { timeout: 20_000 }).toEqual(Array(30).fill('SUBMITTED'));
    expect([...devA.claimed, ...devB.claimed].sort()).toEqual([...ids].sort());
    expect(devA.claimed.length).toBeGreaterThan(0);
    expect(devB.claimed.length).toBeGreaterThan(0);
    expect([...(await claimCounts(prisma(), ids)).values()].every((n) => n === 1)).toBe(true);
  });

  it('takes back the work of a device that vanished, gives it to another, and fences out its late result', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const first = await pairDevice(user.api, 'desktop', 'crashes');
    const raw = await RawDevice.connect(backend.node.url);
    raw.send({ type: 'hello', token: first.token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    await raw.next('welcome');
    const offer = await raw.next('offer');
    expect(offer.applicationId).toBe(id);
    raw.send({ type: 'claim', applicationId: id });
    const claimed = await raw.next('claimed');
    raw.close(); // no heartbeat from now on

    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status, { timeout: 15_000 })
      .toBe('QUEUED');
    const second = await pairDevice(user.api, 'extension', 'takes over');
    const takeover = startDevice(backend.node.url, second.token);
    stops.push(() => takeover.client.stop());
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status, { timeout: 15_000 })
      .toBe('SUBMITTED');
    const app = await prisma().application.findUniqueOrThrow({ where: { id } });
    expect(app.attempt).toBe(2);

    const late = await RawDevice.connect(backend.node.url);
    stops.push(() => late.close());
    late.send({ type: 'hello', token: first.token, kind: 'desktop', version: 't', capacity: 0, held: [] });
    await late.next('welcome');
    late.send({ ...submitted, type: 'result', applicationId: id, leaseToken: claimed.leaseToken });
    const lost = await late.next('lost');
    expect(lost.message).toMatch(/no longer valid/);
    const after = await prisma().application.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: 'SUBMITTED', leaseToken: app.leaseToken, attempt: 2 });
  });

  it('gives a reconnecting device back the lease it holds, and it finishes the job', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.connect(backend.node.url);
    raw.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    await raw.next('offer');
    raw.send({ type: 'claim', applicationId: id });
    const claimed = await raw.next('claimed');
    raw.close();

    const again = await RawDevice.connect(backend.node.url);
    stops.push(() => again.close());
    again.send({
      type: 'hello',
      token,
      kind: 'desktop',
      version: 't',
      capacity: 1,
      held: [{ applicationId: id, leaseToken: claimed.leaseToken }],
    });
    const lease = await again.next('lease');
    expect(lease).toMatchObject({ applicationId: id, leaseToken: claimed.leaseToken });
    again.send({ ...submitted, type: 'result', applicationId: id, leaseToken: claimed.leaseToken });
    expect(await again.next('ack')).toMatchObject({ applicationId: id, status: 'SUBMITTED' });
  });

  it("hands the job's company and country to the executor and keeps what each answer came from", async () => {
    const user = await userWith(backend.api, prisma());
    const [job] = await createJobs(prisma(), 1, { company: 'Globex', location: 'Berlin, Germany', country: 'DE' });
    const swiped = await user.api.post<SwipeResponse>('/v1/swipes', { jobId: job!.id, direction: 'right' });
    const id = swiped.body.application!.id;
    const { token } = await pairDevice(user.api);
    const filled: FilledField[] = [
      { field: 'Email', value: 'ada@example.org', source: 'profile', ref: 'profile.email' },
      {
        field: 'Where did you first learn about this opening?',
        value: 'Job board',
        source: 'answer',
        ref: 'answer:how did you hear about us',
      },
    ];
    let context: JobContext | null = null;
    const device = startDevice(backend.node.url, token, async (order) => {
      context = jobContextOf(order.job);
      return { ...submitted, filled };
    });
    stops.push(() => device.client.stop());
    await expect.poll(async () => (await statuses([id]))[0], { timeout: 15_000 }).toBe('SUBMITTED');
    expect(context).toEqual({ company: 'Globex', country: 'DE' });
    const detail = await user.api.get<ApplicationDetail>(`/v1/applications/${id}`);
    expect(detail.body.filled).toEqual(filled);
  });

  it('tells the device holding an application that the user cancelled it', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    let aborted = '';
    const device = startDevice(backend.node.url, token, async (_order, control) => {
      await control.progress('fill', 30);
      await new Promise((resolve) => control.signal.addEventListener('abort', resolve));
      aborted = String(control.signal.reason?.message ?? control.signal.reason);
      return submitted;
    });
    stops.push(() => device.client.stop());
    await expect
      .poll(async () => (await prisma().application.findUniqueOrThrow({ where: { id } })).status)
      .toBe('RUNNING');
    expect((await user.api.post(`/v1/applications/${id}/cancel`)).status).toBe(200);
    await expect.poll(() => aborted).toMatch(/Cancelled by the user/);
    expect((await prisma().application.findUniqueOrThrow({ where: { id } })).status).toBe('CANCELLED');
  });
});

describe('protocol abuse', () => {
  it('answers bad frames with clear errors, keeps the socket, and changes nothing', async () => {
    const user = await userWith(backend.api, prisma());
    const other = await userWith(backend.api, prisma());
    const [mine] = await swipeRight(user.api, prisma(), 1);
    const [theirs] = await swipeRight(other.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.connect(backend.node.url);
    stops.push(() => raw.close());

    raw.send({ type: 'claim', applicationId: mine! });
    expect((await raw.next('error')).code).toBe('unauthenticated');
    raw.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    await raw.next('welcome');

    raw.send('{not json');
    expect((await raw.next('error')).code).toBe('malformed_json');
    raw.send({ type: 'teleport' });
    expect((await raw.next('error')).message).toMatch(/Unknown message type "teleport"/);
    raw.send({ type: 'claim', applicationId: 'not-a-uuid' });
    expect((await raw.next('error')).message).toMatch(/applicationId/);
    raw.send({ type: 'claim', applicationId: theirs! });
    expect(await raw.next('rejected')).toMatchObject({ applicationId: theirs, reason: 'not_found' });
    raw.send({ type: 'heartbeat', applicationId: mine!, leaseToken: '999', step: 'fill', percent: 10 });
    expect((await raw.next('lost')).applicationId).toBe(mine);
    raw.send({ ...submitted, type: 'result', applicationId: mine!, leaseToken: '0' });
    await raw.next('lost');
    raw.send({ type: 'ping', at: 1 });
    expect(await raw.next('pong')).toMatchObject({ at: 1 });

    const apps = await prisma().application.findMany({ where: { id: { in: [mine!, theirs!] } } });
    expect(apps.map((a) => a.status)).toEqual(['QUEUED', 'QUEUED']);
    expect(apps.every((a) => a.leaseToken === 0n)).toBe(true);
  });

  it("refuses a device's heartbeat, evidence and result under a server worker's lease, even with its token", async () => {
    const user = await userWith(backend.api, prisma(), { preference: 'server_only' });
    const [id] = await swipeRight(user.api, prisma(), 1);
    const worker = await claim(backend.node.ctx, { kind: 'server', workerId: 'w-honest' }, id!);
    if (!worker.ok) throw new Error(`the worker could not claim: ${worker.message}`);
    const leaseToken = worker.order.leaseToken;
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.hello(backend.node.url, token, { capacity: 0 });
    stops.push(() => raw.close());

    raw.send({ type: 'heartbeat', applicationId: id!, leaseToken, step: 'submitting', percent: 90 });
    expect((await raw.next('lost')).applicationId).toBe(id);
    const form = new FormData();
    form.set('leaseToken', leaseToken);
    form.set('file', new Blob([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')]), 'shot.png');
    const upload = await fetch(`${backend.node.url}/v1/applications/${id}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(upload.status).toBe(409);
    raw.send({ ...submitted, type: 'result', applicationId: id!, leaseToken });
    expect((await raw.next('lost')).applicationId).toBe(id);
    raw.send({ type: 'release', applicationId: id!, leaseToken, reason: 'mine now' });
    expect((await raw.next('lost')).applicationId).toBe(id);

    const app = await prisma().application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: 'CLAIMED', leaseOwner: 'server:w-honest', submittingAt: null });
    expect(await prisma().evidence.count({ where: { applicationId: id } })).toBe(0);
  });

  it('closes a socket that has not said a good hello in time, whatever it sent', async () => {
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api);
    const [silent, chatty, invalid] = await Promise.all(
      Array.from({ length: 3 }, () => RawDevice.connect(backend.node.url)),
    );
    chatty!.send({ type: 'ping', at: 1 });
    chatty!.send('{not json');
    chatty!.send({ type: 'claim', applicationId: '1f4a639b-05d4-4af0-9c21-1123b34e1751' });
    invalid!.send({ type: 'hello', token, kind: 'toaster', version: 't', capacity: 1, held: [] });
    for (const socket of [silent, chatty, invalid]) {
      await expect.poll(() => socket!.closed?.code, { timeout: 10_000 }).toBe(4001);
      expect(socket!.received.some((m) => m.type === 'welcome')).toBe(false);
    }
  });

  it('closes a socket whose hello the backend failed on, instead of leaving it half open', async () => {
    const user = await userWith(backend.api, prisma());
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.connect(backend.node.url);
    // A held lease token past 64 bits: refused as invalid, or failing in Postgres.
    raw.send({
      type: 'hello',
      token,
      kind: 'desktop',
      version: 't',
      capacity: 1,
      held: [{ applicationId: '1f4a639b-05d4-4af0-9c21-1123b34e1751', leaseToken: '9999999999999999999' }],
    });
    await expect.poll(() => raw.closed?.code, { timeout: 10_000 }).toBeOneOf([1011, 4001]);
    expect(backend.node.gateway.connected(user.user.id)).toEqual([]);
  });

  it('refuses a claim beyond the capacity the device stated', async () => {
    const user = await userWith(backend.api, prisma());
    const [first, second] = await swipeRight(user.api, prisma(), 2);
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.connect(backend.node.url);
    stops.push(() => raw.close());
    raw.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    raw.send({ type: 'claim', applicationId: first! });
    await raw.next('claimed');
    raw.send({ type: 'claim', applicationId: second! });
    expect(await raw.next('rejected')).toMatchObject({ applicationId: second, reason: 'over_capacity' });
    expect((await prisma().application.findUniqueOrThrow({ where: { id: second } })).status).toBe('QUEUED');
  });

  it('closes a socket that sends an oversized frame, or a wrong or revoked token', async () => {
    const user = await userWith(backend.api, prisma());
    const { token, deviceId } = await pairDevice(user.api);

    const huge = await RawDevice.connect(backend.node.url);
    huge.send({ type: 'ping', pad: 'x'.repeat(70 * 1024) });
    await expect.poll(() => huge.closed?.code).toBe(1009);

    const wrong = await RawDevice.connect(backend.node.url);
    wrong.send({
      type: 'hello',
      token: 'dt_not-a-real-token-at-all',
      kind: 'desktop',
      version: 't',
      capacity: 1,
      held: [],
    });
    expect((await wrong.next('error')).code).toBe('unauthenticated');
    await expect.poll(() => wrong.closed?.code).toBe(4003);

    const revoked = await user.api.delete<ErrorBody>(`/v1/devices/${deviceId}`);
    expect(revoked.status).toBeLessThan(300);
    const again = await RawDevice.connect(backend.node.url);
    again.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    expect((await again.next('error')).code).toBe('unauthenticated');
  });
});

describe('evidence and revocation', () => {
  it('stores evidence only from the lease holder, and the owner can download it', async () => {
    const user = await userWith(backend.api, prisma());
    const [id] = await swipeRight(user.api, prisma(), 1);
    const { token } = await pairDevice(user.api);
    const raw = await RawDevice.connect(backend.node.url);
    stops.push(() => raw.close());
    raw.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    await raw.next('offer');
    raw.send({ type: 'claim', applicationId: id! });
    const claimed = await raw.next('claimed');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const upload = (leaseToken: string, bytes: Uint8Array = png) => {
      const form = new FormData();
      form.set('leaseToken', leaseToken);
      form.set('kind', 'screenshot');
      form.set('file', new Blob([new Uint8Array(bytes)]), 'shot.png');
      return fetch(`${backend.node.url}/v1/applications/${id}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
    };
    expect((await upload('999')).status).toBe(409);
    expect((await upload(claimed.leaseToken, new TextEncoder().encode('MZ not an image'))).status).toBe(415);
    const ok = await upload(claimed.leaseToken);
    expect(ok.status).toBe(201);
    const { id: evidenceId } = (await ok.json()) as { id: string };
    const download = await fetch(`${backend.node.url}/v1/applications/${id}/evidence/${evidenceId}`, {
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    const stranger = await userWith(backend.api, prisma());
    expect((await stranger.api.get(`/v1/applications/${id}/evidence/${evidenceId}`)).status).toBe(404);
  });

  it('disconnects a device the moment it is revoked', async () => {
    const user = await userWith(backend.api, prisma());
    const { token, deviceId } = await pairDevice(user.api);
    const raw = await RawDevice.connect(backend.node.url);
    raw.send({ type: 'hello', token, kind: 'desktop', version: 't', capacity: 1, held: [] });
    await raw.next('welcome');
    await user.api.delete(`/v1/devices/${deviceId}`);
    await expect.poll(() => raw.closed?.code).toBe(4003);
  });
});
