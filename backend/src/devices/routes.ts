// POST /v1/devices/pair/start, GET /v1/devices/pair/:pairingId, POST /v1/devices/pair/complete
// (the device's side: no user sign-in, rate-limited by IP), GET /v1/devices, DELETE /v1/devices/:id.
import {
  type DeviceList,
  IdParams,
  PairCompleteBody,
  type PairCompleteResponse,
  type PairStartResponse,
} from '@jobswipe/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { parse } from '../http/validate.ts';
import { toDeviceView } from './device-view.ts';
import { completePairing, pairingStatus, startPairing } from './pairing.ts';
import { revokeDevice } from './revoke-device.ts';

const PairingParams = z.object({ pairingId: z.string().uuid('must be a UUID') });

/** The route a device calls before it has any credentials; mounted outside user sign-in. */
export function devicePairingRoutes(ctx: AppContext): Router {
  const router = Router();
  const limit = ctx.rateLimiter.perMinute('pair', ctx.config.PAIR_RATE_LIMIT);
  router.post('/devices/pair/complete', limit, async (req, res) => {
    const body = parse(PairCompleteBody, req.body, 'body');
    const { device, token } = await completePairing(ctx, body, { ip: req.ip, userAgent: req.get('user-agent') });
    // The web page showing the code waits for this.
    await ctx.events.publish(device.userId, {
      type: 'device',
      deviceId: device.id,
      online: false,
      paired: true,
      at: new Date().toISOString(),
    });
    const answer: PairCompleteResponse = { deviceId: device.id, deviceToken: token };
    res.status(201).json(answer);
  });
  return router;
}

export function deviceRoutes(ctx: AppContext): Router {
  const router = Router();
  const { prisma } = ctx.db;

  router.post('/devices/pair/start', async (req, res) => {
    const { pairing, code } = await startPairing(prisma, caller(req).userId);
    const body: PairStartResponse = { pairingId: pairing.id, code, expiresAt: pairing.expiresAt.toISOString() };
    res.status(201).json(body);
  });

  router.get('/devices/pair/:pairingId', async (req, res) => {
    const { pairingId } = parse(PairingParams, req.params, 'params');
    res.json(await pairingStatus(prisma, caller(req).userId, pairingId));
  });

  router.get('/devices', async (req, res) => {
    const devices = await prisma.device.findMany({
      where: { userId: caller(req).userId },
      orderBy: { createdAt: 'desc' },
    });
    const body: DeviceList = { devices: devices.map((d) => toDeviceView(d)) };
    res.json(body);
  });

  router.delete('/devices/:id', async (req, res) => {
    const { id } = parse(IdParams, req.params, 'params');
    await revokeDevice(ctx, caller(req).userId, id, { ip: req.ip, userAgent: req.get('user-agent') });
    // Every node closes this device's connections.
    await ctx.events.publish(caller(req).userId, {
      type: 'device',
      deviceId: id,
      online: false,
      revoked: true,
      at: new Date().toISOString(),
    });
    res.status(204).end();
  });

  return router;
}
