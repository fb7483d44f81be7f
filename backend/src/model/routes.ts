// POST /v1/devices/model-answers: the extension (no CDP page for a model to drive) asks for drafts
// of the open questions of an application it holds; authenticated with the device token.
import { ModelAnswersBody } from '@jobswipe/protocol';
import { type Request, Router } from 'express';
import { bearerToken } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { authenticateDevice } from '../devices/device-auth.ts';
import { AppError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { draftAnswers } from './draft-answers.ts';

async function deviceOf(ctx: AppContext, req: Request) {
  const token = bearerToken(req);
  if (!token?.startsWith('dt_')) {
    throw new AppError('unauthenticated', 'Send the device token as "Authorization: Bearer dt_...".');
  }
  return authenticateDevice(ctx, token);
}

export function modelAnswerRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/devices/model-answers', async (req, res) => {
    const device = await deviceOf(ctx, req);
    const body = parse(ModelAnswersBody, req.body, 'body');
    res.json(
      await draftAnswers(
        ctx,
        { kind: 'device', deviceId: device.id, userId: device.userId },
        { applicationId: body.applicationId, leaseToken: BigInt(body.leaseToken), questions: body.questions },
      ),
    );
  });
  return router;
}
