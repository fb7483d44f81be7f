// The devices' model routes, authenticated with the device token and scoped to an application the
// device holds the lease on:
// - POST /v1/devices/model-answers: drafts of the open questions (the extension has no CDP page
//   for a model to drive; the desktop agent holds no model key);
// - GET/PUT/DELETE /v1/devices/model-actions: the shared widget action for (template, instruction),
//   the same `model_actions` rows the server worker uses; only on the application's own site;
// - POST /v1/devices/model-relay: one Stagehand call forwarded to the configured model, charged to
//   the user's monthly budget first and refused when it is spent. The prompt is never logged.
import {
  MODEL_RELAY_MAX_BYTES,
  ModelActionBody,
  ModelActionKey,
  ModelAnswersBody,
  ModelRelayBody,
} from '@jobswipe/protocol';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { bearerToken } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { authenticateDevice } from '../devices/device-auth.ts';
import { AppError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import type { Executor } from '../leases/executor.ts';
import { draftAnswers, modelSettings } from './draft-answers.ts';
import { heldApplication } from './held-application.ts';
import { reserveModelCall, tokenEstimate } from './model-budget.ts';
import { relayToModel } from './model-client.ts';
import { modelActions } from './model-use.ts';

/** What Stagehand's replies (an action, a few observed elements) may take on top of the prompt. */
const RELAY_ANSWER_TOKENS = 2_000;

async function deviceOf(ctx: AppContext, req: Request): Promise<Executor & { kind: 'device' }> {
  const token = bearerToken(req);
  if (!token?.startsWith('dt_')) {
    throw new AppError('unauthenticated', 'Send the device token as "Authorization: Bearer dt_...".');
  }
  const device = await authenticateDevice(ctx, token);
  return { kind: 'device', deviceId: device.id, userId: device.userId };
}

/**
 * The held application a shared-action request names, which must be on the application's own
 * site: a device cannot write (or read) the actions of another employer's forms.
 */
async function actionScope(ctx: AppContext, req: Request, key: ModelActionKey) {
  const app = await heldApplication(ctx, await deviceOf(ctx, req), key.applicationId, BigInt(key.leaseToken));
  const applyUrl = (app.snapshot?.posting as { applyUrl?: unknown } | undefined)?.applyUrl;
  const host = typeof applyUrl === 'string' && URL.canParse(applyUrl) ? new URL(applyUrl).host.toLowerCase() : null;
  if (!host || key.template.split('/')[0] !== host) {
    throw new AppError('forbidden', "A shared action may only name a template on the application's own site.");
  }
}

export function modelAnswerRoutes(ctx: AppContext): Router {
  const router = Router();
  const actions = modelActions(ctx);
  router.post('/devices/model-answers', async (req, res) => {
    const device = await deviceOf(ctx, req);
    const body = parse(ModelAnswersBody, req.body, 'body');
    res.json(
      await draftAnswers(ctx, device, {
        applicationId: body.applicationId,
        leaseToken: BigInt(body.leaseToken),
        questions: body.questions,
      }),
    );
  });
  router.get('/devices/model-actions', async (req, res) => {
    const key = parse(ModelActionKey, req.query, 'query');
    await actionScope(ctx, req, key);
    res.json({ action: await actions.get(key.template, key.instruction) });
  });
  router.put('/devices/model-actions', async (req, res) => {
    const { action, ...key } = parse(ModelActionBody, req.body, 'body');
    await actionScope(ctx, req, key);
    await actions.put(key.template, key.instruction, action);
    res.json({ action });
  });
  router.delete('/devices/model-actions', async (req, res) => {
    const key = parse(ModelActionKey, req.query, 'query');
    await actionScope(ctx, req, key);
    await actions.drop(key.template, key.instruction);
    res.status(204).end();
  });
  return router;
}

/** The relay, with a body limit of its own: Stagehand sends the page's accessibility tree. */
export function modelRelayRoutes(ctx: AppContext): Router {
  const router = Router();
  // The device first: no one else gets a large body read.
  const authenticated = async (req: Request, res: Response, next: NextFunction) => {
    res.locals.device = await deviceOf(ctx, req);
    next();
  };
  const json = express.json({ limit: MODEL_RELAY_MAX_BYTES });
  router.post('/devices/model-relay', authenticated, json, async (req, res) => {
    const device = res.locals.device as Executor;
    const body = parse(ModelRelayBody, req.body, 'body');
    const settings = modelSettings(ctx);
    if (!settings) throw new AppError('service_unavailable', 'No model is configured on this server.');
    const app = await heldApplication(ctx, device, body.applicationId, BigInt(body.leaseToken));
    const estimate = tokenEstimate(JSON.stringify(body.messages).length, RELAY_ANSWER_TOKENS);
    const charge = await reserveModelCall(ctx.db.prisma, app.userId, estimate);
    if (!charge) throw new AppError('payment_required', "The user's monthly model budget is spent.");
    const reply = await relayToModel(settings, body, estimate).catch(async (err: unknown) => {
      await charge.settle(0);
      ctx.log.warn({ applicationId: app.id, err: (err as Error).message }, 'model relay: the model did not answer');
      throw new AppError('service_unavailable', 'The model did not answer.');
    });
    await charge.settle(reply.usage.totalTokens);
    // Counts only: the prompt holds the page the applicant is on.
    ctx.log.info({ applicationId: app.id, tokens: reply.usage.totalTokens }, 'model call relayed');
    res.json(reply);
  });
  return router;
}
