// GET /v1/applications, GET /v1/applications/:id, and the user's actions on one:
// POST /cancel, /retry, /answer.
import { AnswerBody, ApplicationsQuery } from '@jobswipe/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { parse } from '../http/validate.ts';
import { cancelApplication } from './cancel-application.ts';
import { answerApplication, retryApplication, type UndoHold } from './requeue-application.ts';
import { applicationDetailOf, jobSummarySelect, toApplicationSummary } from './views.ts';

const IdParam = z.object({ id: z.string().uuid('must be a UUID') });

/** `grace`: the grace release, told when an application answered since its swipe leaves its undo window. */
export function applicationRoutes(ctx: AppContext, grace: UndoHold['grace']): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  async function summary(id: string) {
    return toApplicationSummary(
      await prisma.application.findUniqueOrThrow({ where: { id }, include: { job: jobSummarySelect } }),
    );
  }

  router.get('/applications', async (req, res) => {
    const query = parse(ApplicationsQuery, req.query, 'query');
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await prisma.application.findMany({
      where: {
        userId: caller(req).userId,
        ...(query.status ? { status: { in: query.status } } : {}),
        ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      include: { job: jobSummarySelect },
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    res.json({
      items: page.map(toApplicationSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    });
  });

  router.get('/applications/:id', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    res.json(await applicationDetailOf(prisma, id, caller(req).userId));
  });

  router.post('/applications/:id/cancel', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    const userId = caller(req).userId;
    await inTransaction(ctx, (uow) =>
      cancelApplication(uow, { applicationId: id, userId, allowHeld: true, reason: 'Cancelled by the user.' }),
    );
    res.json(await summary(id));
  });

  router.post('/applications/:id/retry', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    await inTransaction(ctx, (uow) => retryApplication(uow, { applicationId: id, userId: caller(req).userId }));
    res.json(await summary(id));
  });

  router.post('/applications/:id/answer', async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    const body = parse(AnswerBody, req.body, 'body');
    await inTransaction(ctx, (uow) =>
      answerApplication(uow, {
        applicationId: id,
        userId: caller(req).userId,
        answers: body.answers,
        secrets: ctx.secrets,
        undo: { defaultMs: ctx.config.UNDO_GRACE_MS, grace },
      }),
    );
    res.json(await summary(id));
  });

  return router;
}
