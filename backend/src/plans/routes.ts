// GET /v1/plan (plan, usage, execution preference, undo grace period, reviewing drafted answers)
// and PUT /v1/settings.
import { SettingsBody } from '@jobswipe/protocol';
import { Router } from 'express';
import { audit } from '../audit/audit-log.ts';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { parse } from '../http/validate.ts';
import { reconsiderWaiting } from '../quota/reconsider-waiting.ts';
import { usageView } from './usage-view.ts';

export function planRoutes(ctx: AppContext): Router {
  const router = Router();
  const { prisma } = ctx.db;

  router.get('/plan', async (req, res) => {
    res.json(await usageView(prisma, caller(req).userId, ctx.config.UNDO_GRACE_MS));
  });

  /** Answers with the same view as GET /v1/plan, so the page shows the saved choice. */
  router.put('/settings', async (req, res) => {
    const { userId } = caller(req);
    const body = parse(SettingsBody, req.body, 'body');
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: {
          ...(body.executionPreference ? { executionPreference: body.executionPreference } : {}),
          ...(body.undoGraceMs !== undefined ? { undoGraceMs: body.undoGraceMs } : {}),
          ...(body.reviewDrafts !== undefined ? { reviewDrafts: body.reviewDrafts } : {}),
        },
      });
      if (body.executionPreference) await reconsiderWaiting(tx, userId);
      await audit(tx, { userId, action: 'settings_changed', ip: req.ip, userAgent: req.get('user-agent'), data: body });
    });
    res.json(await usageView(prisma, userId, ctx.config.UNDO_GRACE_MS));
  });

  return router;
}
