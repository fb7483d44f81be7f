// POST /v1/applications/:id/evidence (the executor holding the lease: device token and lease
// token) and GET /v1/applications/:id/evidence/:evidenceId (the application's owner: the web with
// the user's access token, or one of the user's devices, such as the desktop app showing a result).
import { EvidenceKind } from '@jobswipe/protocol';
import { LeaseToken } from '@jobswipe/protocol/device';
import { type Request, Router } from 'express';
import { z } from 'zod';
import { bearerToken } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { authenticateDevice } from '../devices/device-auth.ts';
import { sendStoredFile } from '../files/file-store.ts';
import { fileUpload } from '../files/upload.ts';
import { AppError, notFound } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { EVIDENCE_ACCEPTED, storeEvidence } from './store-evidence.ts';

const AppParam = z.object({ id: z.string().uuid('must be a UUID') });
const EvidenceParam = AppParam.extend({ evidenceId: z.string().uuid('must be a UUID') });
const EvidenceFields = z.object({ leaseToken: LeaseToken, kind: EvidenceKind.default('screenshot') });

/** Upload, for executors: authenticated with the device token, not a user's session. */
export function evidenceUploadRoutes(ctx: AppContext): Router {
  const router = Router();
  const receive = fileUpload({ field: 'file', maxBytes: ctx.config.EVIDENCE_MAX_BYTES, accepted: EVIDENCE_ACCEPTED });
  router.post('/applications/:id/evidence', async (req: Request, res) => {
    const token = bearerToken(req);
    if (!token?.startsWith('dt_')) {
      throw new AppError('unauthenticated', 'Send the device token as "Authorization: Bearer dt_...".');
    }
    const device = await authenticateDevice(ctx, token);
    const { id } = parse(AppParam, req.params, 'params');
    const upload = await receive(req, res);
    const fields = parse(EvidenceFields, req.body, 'body');
    const evidence = await storeEvidence(
      ctx,
      { kind: 'device', deviceId: device.id, userId: device.userId },
      { applicationId: id, leaseToken: BigInt(fields.leaseToken), kind: fields.kind, bytes: upload.bytes },
    );
    res.status(201).json({ id: evidence.id, attempt: evidence.attempt, kind: evidence.kind, size: evidence.size });
  });
  return router;
}

/** The user a request acts for: a device token's user, or the access token's. */
async function ownerOf(ctx: AppContext, req: Request): Promise<string> {
  const token = bearerToken(req);
  if (!token)
    throw new AppError('unauthenticated', 'Send your access token or device token as "Authorization: Bearer ...".');
  if (token.startsWith('dt_')) return (await authenticateDevice(ctx, token)).userId;
  return (await ctx.tokens.verify(token)).userId;
}

/** Download, for the application's owner. */
export function evidenceRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/applications/:id/evidence/:evidenceId', async (req, res) => {
    const userId = await ownerOf(ctx, req);
    const { id, evidenceId } = parse(EvidenceParam, req.params, 'params');
    const evidence = await ctx.db.prisma.evidence.findFirst({
      where: { id: evidenceId, applicationId: id, application: { userId } },
    });
    if (!evidence) throw notFound('Evidence');
    await sendStoredFile(res, ctx.files, {
      storagePath: evidence.storagePath,
      mime: evidence.mime,
      fileName: `${evidence.kind}-${evidence.attempt}.${evidence.storagePath.split('.').pop()}`,
    });
  });
  return router;
}
