// POST /v1/swipes and DELETE /v1/swipes/:jobId.
import { SwipeBody } from '@jobswipe/protocol';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { parse } from '../http/validate.ts';
import { SwipeBatches } from './swipe-batch.ts';
import { SwipeQuestions } from './swipe-questions.ts';
import { runSwipe, type SwipeDelivery, TooManySwipes } from './swipe-transaction.ts';
import { undoSwipe } from './undo-swipe.ts';

const JobParam = z.object({ jobId: z.string().uuid('must be a UUID') });

/**
 * Mounted ahead of the other routers and the app's body parser, so each route parses its body and
 * signs its caller in itself (`before`).
 */
export function swipeRoutes(ctx: AppContext, delivery: SwipeDelivery, before: RequestHandler[]): Router {
  const router = Router();
  const path = { questions: new SwipeQuestions(ctx), batches: new SwipeBatches(ctx) };

  router.post('/swipes', ...before, async (req, res) => {
    const headerKey = req.get('idempotency-key');
    const body = parse(
      SwipeBody,
      { ...req.body, ...(headerKey && !req.body?.idempotencyKey ? { idempotencyKey: headerKey } : {}) },
      'body',
    );
    const result = await runSwipe(ctx, delivery, path, caller(req).userId, body).catch((err: unknown) => {
      if (err instanceof TooManySwipes) res.setHeader('Retry-After', err.retryAfterS);
      throw err;
    });
    res.status(result.status).json(result.body);
  });

  router.delete('/swipes/:jobId', ...before, async (req, res) => {
    const { jobId } = parse(JobParam, req.params, 'params');
    res.json(await undoSwipe(ctx, caller(req).userId, jobId));
  });

  return router;
}
