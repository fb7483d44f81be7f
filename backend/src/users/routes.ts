// GET /v1/me: the signed-in user.
import { Router } from 'express';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { toUserView } from './user-view.ts';

export function userRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/me', async (req, res) => {
    const user = await ctx.db.prisma.user.findUnique({ where: { id: caller(req).userId } });
    if (!user) throw notFound('User');
    res.json(toUserView(user));
  });
  return router;
}
