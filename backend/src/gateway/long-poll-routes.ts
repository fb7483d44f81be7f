// The long-poll fallback for networks that block WebSockets, with the same semantics:
// POST /v1/devices/poll says hello (capacity, held leases) and waits up to `waitMs` for offers;
// POST /v1/devices/claim | heartbeat | result | release carry the same messages as the socket and
// answer with the same reply. Server-initiated news (a cancel) reaches a polling device as `lost`
// on its next heartbeat. Authenticated with the device token: `Authorization: Bearer dt_...`.
import { type BackendMessage, ExecutorMessage, PollBody } from '@jobswipe/protocol/device';
import { type Request, Router } from 'express';
import { bearerToken } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { authenticateDevice } from '../devices/device-auth.ts';
import { AppError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import type { DeviceGateway } from './device-gateway.ts';

async function deviceOf(ctx: AppContext, req: Request) {
  const token = bearerToken(req);
  if (!token) throw new AppError('unauthenticated', 'Send the device token as "Authorization: Bearer dt_...".');
  return authenticateDevice(ctx, token);
}

export function longPollRoutes(ctx: AppContext, gateway: DeviceGateway): Router {
  const router = Router();

  router.post('/devices/poll', async (req, res) => {
    const device = await deviceOf(ctx, req);
    const body = parse(PollBody, req.body, 'body');
    const messages: BackendMessage[] = [];
    const session = gateway.session(device, (m) => messages.push(m));
    session.capacity = body.capacity;
    await ctx.db.prisma.device.update({
      where: { id: device.id },
      data: { lastSeenAt: new Date(), version: body.version },
    });
    await session.resume(body.held);
    await gateway.setPresence(device.userId, device.id, true);
    try {
      const deadline = Date.now() + body.waitMs;
      // Lease answers for what it holds go back at once; otherwise wait for an offer.
      // A node shutting down answers with what it has, and the device polls another node.
      while (
        messages.length === 0 &&
        (await session.pump()).length === 0 &&
        Date.now() < deadline &&
        !res.closed &&
        !gateway.stopping
      ) {
        await gateway.waitForWork(device.userId, deadline - Date.now());
      }
    } finally {
      await gateway.setPresence(device.userId, device.id, false);
    }
    res.json({ messages });
  });

  for (const type of ['claim', 'heartbeat', 'result', 'release'] as const) {
    router.post(`/devices/${type}`, async (req, res) => {
      const device = await deviceOf(ctx, req);
      const message = parse(ExecutorMessage, { ...req.body, type }, 'body');
      const replies: BackendMessage[] = [];
      await gateway.session(device, (m) => replies.push(m)).handle(message);
      res.json(replies[0] ?? null);
    });
  }
  return router;
}
