// GET /v1/profile/usage: where each saved answer and profile field was used, and what a form refused.
import { Router } from 'express';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { answerUsage } from './answer-usage.ts';

export function answerUsageRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/profile/usage', async (req, res) => {
    res.json({ usage: await answerUsage(ctx.db.prisma, caller(req).userId) });
  });
  return router;
}
