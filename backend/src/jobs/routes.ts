// GET /v1/jobs/deck (the caller's swipe deck) and GET /v1/jobs/:id.
import { type DeckPage, DeckQuery, IdParams } from '@jobswipe/protocol';
import { Router } from 'express';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { deckPage } from './deck-query.ts';
import { toJobView } from './job-view.ts';

export function jobRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/jobs/deck', async (req, res) => {
    const { cursor, limit, ...filters } = parse(DeckQuery, req.query, 'query');
    const page = await deckPage(
      ctx.db.prisma,
      caller(req).userId,
      filters,
      cursor ? decodeCursor(cursor) : null,
      limit,
    );
    const body: DeckPage = {
      items: page.jobs.map(toJobView),
      nextCursor: page.last ? encodeCursor(page.last.at, page.last.id) : null,
    };
    res.json(body);
  });

  router.get('/jobs/:id', async (req, res) => {
    const { id } = parse(IdParams, req.params, 'params');
    const job = await ctx.db.prisma.job.findUnique({ where: { id } });
    if (!job) throw notFound('Job');
    res.json(toJobView(job));
  });

  return router;
}
