// The tracker: GET /v1/tracker (list with counts), GET /v1/tracker/counts (the tab's badge), and
// GET/PUT /v1/applications/:id/tracking (one application's stage, its history and notes).
import { TrackerQuery, TrackingBody } from '@jobswipe/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { readTracking } from './read-tracking.ts';
import { setTracking } from './set-tracking.ts';
import { trackerCounts, trackerPage } from './tracker-list.ts';

const IdParam = z.object({ id: z.string().uuid('must be a UUID') });

export function trackerRoutes(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  router.get('/tracker', async (req, res) => {
    res.json(await trackerPage(prisma, caller(req).userId, parse(TrackerQuery, req.query, 'query')));
  });

  router.get('/tracker/counts', async (req, res) => {
    res.json(await trackerCounts(prisma, caller(req).userId));
  });

  router.get('/applications/:id/tracking', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    const owned = await prisma.application.count({ where: { id, userId: caller(req).userId } });
    if (!owned) throw notFound('Application');
    res.json(await readTracking(prisma, id));
  });

  router.put('/applications/:id/tracking', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    const body = parse(TrackingBody, req.body, 'body');
    res.json(await setTracking(ctx, caller(req).userId, id, body));
  });

  return router;
}
