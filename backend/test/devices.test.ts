import { createHash } from 'node:crypto';
import type { DeviceList, ErrorBody, PairCompleteResponse, PairingStatus, PairStartResponse } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateDevice } from '../src/devices/device-auth.ts';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ AUTH_RATE_LIMIT: '1000', PAIR_RATE_LIMIT: '1000' });
});
afterAll(() => backend.close());

const prisma = () => backend.node.ctx.db.prisma;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function startPairing(api: Api) {
  const res = await api.post<PairStartResponse>('/v1/devices/pair/start');
  expect(res.status).toBe(201);
  return res.body;
}

function complete(code: string, name = 'Work laptop', api = backend.api) {
  return api.post<PairCompleteResponse & ErrorBody>('/v1/devices/pair/complete', {
    code,
    kind: 'desktop',
    name,
    version: '1.4.0',
  });
}

async function pairDevice(api: Api, name?: string) {
  const { code } = await startPairing(api);
  const res = await complete(code, name);
  expect(res.status).toBe(201);
  return res.body;
}

describe('pairing', () => {
  it('gives the user a short code, keeps only its hash, and the web sees the pairing complete', async () => {
    const me = await signUp(backend.api);
    const started = await startPairing(me.api);
    expect(started.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const ttl = Date.parse(started.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    const row = await prisma().devicePairing.findUniqueOrThrow({ where: { id: started.pairingId } });
    expect(row.codeHash).toBe(sha256(started.code));
    expect(JSON.stringify(row)).not.toContain(started.code);

    const pending = await me.api.get<PairingStatus>(`/v1/devices/pair/${started.pairingId}`);
    expect(pending.body).toMatchObject({ status: 'pending', device: null });

    // Typed by hand on the device: lower case, no dash.
    const done = await complete(started.code.toLowerCase().replace('-', ''));
    expect(done.status).toBe(201);
    expect(done.body.deviceToken).toMatch(/^dt_/);
    const device = await prisma().device.findUniqueOrThrow({ where: { id: done.body.deviceId } });
    expect(device).toMatchObject({ userId: me.user.id, kind: 'desktop', name: 'Work laptop', version: '1.4.0' });
    expect(device.tokenHash).toBe(sha256(done.body.deviceToken));

    const completed = await me.api.get<PairingStatus>(`/v1/devices/pair/${started.pairingId}`);
    expect(completed.body).toMatchObject({
      status: 'completed',
      device: { id: done.body.deviceId, name: 'Work laptop', online: true },
    });
    const audit = await prisma().auditLog.findMany({ where: { userId: me.user.id, action: 'device_paired' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.data)).not.toContain(done.body.deviceToken);
  });

  it('accepts a code once: a second device with the same code is refused', async () => {
    const me = await signUp(backend.api);
    const { code } = await startPairing(me.api);
    const [a, b] = await Promise.all([complete(code, 'first'), complete(code, 'second')]);
    expect([a.status, b.status].sort()).toEqual([201, 401]);
    const again = await complete(code, 'third');
    expect(again.status).toBe(401);
    expect(again.body.error.message).toMatch(/wrong, expired or already used/);
    expect(await prisma().device.count({ where: { userId: me.user.id } })).toBe(1);
  });

  it('refuses an expired code, and the web sees the pairing expired', async () => {
    const me = await signUp(backend.api);
    const { pairingId, code } = await startPairing(me.api);
    await prisma().devicePairing.update({ where: { id: pairingId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await complete(code)).status).toBe(401);
    expect((await me.api.get<PairingStatus>(`/v1/devices/pair/${pairingId}`)).body.status).toBe('expired');
    expect(await prisma().device.count({ where: { userId: me.user.id } })).toBe(0);
  });

  it('refuses malformed pairing requests with the field named, creating nothing', async () => {
    const devicesBefore = await prisma().device.count();
    const badKind = await backend.api.post<ErrorBody>('/v1/devices/pair/complete', {
      code: 'K7PX-Q2MD',
      kind: 'phone',
      name: 'x',
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details).toMatchObject({ issues: [{ path: 'kind' }] });
    const badCode = await backend.api.post<ErrorBody>('/v1/devices/pair/complete', {
      code: 'K7PX-Q2MD-X',
      kind: 'extension',
      name: 'Chrome',
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.message).toMatch(/8 letters and digits/);
    const longName = await backend.api.post<ErrorBody>('/v1/devices/pair/complete', {
      code: 'K7PX-Q2MD',
      kind: 'extension',
      name: 'x'.repeat(101),
    });
    expect(longName.status).toBe(400);
    expect(await prisma().device.count()).toBe(devicesBefore);
  });

  it("answers another user's pairing with 404 and requires sign-in to start one", async () => {
    const owner = await signUp(backend.api);
    const other = await signUp(backend.api);
    const { pairingId } = await startPairing(owner.api);
    expect((await other.api.get(`/v1/devices/pair/${pairingId}`)).status).toBe(404);
    expect((await other.api.get('/v1/devices/pair/nope')).status).toBe(400);
    expect((await backend.api.post('/v1/devices/pair/start')).status).toBe(401);
    expect((await backend.api.get(`/v1/devices/pair/${pairingId}`)).status).toBe(401);
  });

  it('limits code attempts per address', async () => {
    const limited = await startTestBackend({ PAIR_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await complete('AAAA-BBBB', 'guess', limited.api)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('devices', () => {
  it("lists the user's devices with their presence", async () => {
    const me = await signUp(backend.api);
    const laptop = await pairDevice(me.api, 'Laptop');
    const old = await pairDevice(me.api, 'Old desktop');
    await prisma().device.update({
      where: { id: old.deviceId },
      data: { lastSeenAt: new Date(Date.now() - 3 * 60_000) },
    });
    const res = await me.api.get<DeviceList>('/v1/devices');
    expect(res.status).toBe(200);
    expect(res.body.devices.map((d) => [d.name, d.online])).toEqual([
      ['Old desktop', false],
      ['Laptop', true],
    ]);
    expect(res.body.devices.find((d) => d.id === laptop.deviceId)).toMatchObject({ kind: 'desktop', revokedAt: null });
    const other = await signUp(backend.api);
    expect((await other.api.get<DeviceList>('/v1/devices')).body.devices).toEqual([]);
    expect((await backend.api.get('/v1/devices')).status).toBe(401);
  });

  it('authenticates a device by its token until it is revoked, and audits the revocation once', async () => {
    const me = await signUp(backend.api);
    const { deviceId, deviceToken } = await pairDevice(me.api);
    const ctx = backend.node.ctx;
    expect((await authenticateDevice(ctx, deviceToken)).id).toBe(deviceId);

    const other = await signUp(backend.api);
    expect((await other.api.delete(`/v1/devices/${deviceId}`)).status).toBe(404);
    expect((await authenticateDevice(ctx, deviceToken)).id).toBe(deviceId);
    expect((await backend.api.delete(`/v1/devices/${deviceId}`)).status).toBe(401);
    expect((await me.api.delete('/v1/devices/not-a-uuid')).status).toBe(400);

    expect((await me.api.delete(`/v1/devices/${deviceId}`)).status).toBe(204);
    await expect(authenticateDevice(ctx, deviceToken)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: expect.stringMatching(/removed/),
    });
    expect((await me.api.delete(`/v1/devices/${deviceId}`)).status).toBe(204);
    const audit = await prisma().auditLog.count({ where: { userId: me.user.id, action: 'device_revoked' } });
    expect(audit).toBe(1);
    const listed = (await me.api.get<DeviceList>('/v1/devices')).body.devices[0];
    expect(listed).toMatchObject({ id: deviceId, online: false, revokedAt: expect.any(String) });
  });

  it('refuses unknown device tokens', async () => {
    const ctx = backend.node.ctx;
    await expect(authenticateDevice(ctx, 'dt_not-a-real-token')).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(authenticateDevice(ctx, 'rt_wrong-kind')).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
