// The dead-letter view for operators: applications that used up their attempts (DEAD), newest
// first, and requeueing one (with fresh attempts) once the cause is fixed.
import { type DeadLetter, DeadLettersQuery } from '@jobswipe/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { retryApplication } from '../applications/requeue-application.ts';
import { caller, requireOperator } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { parse } from '../http/validate.ts';

const IdParam = z.object({ id: z.string().uuid('must be a UUID') });

export function deadLetterRoutes(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  router.get('/queue/dead', requireOperator, async (req, res) => {
    const query = parse(DeadLettersQuery, req.query, 'query');
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await prisma.application.findMany({
      where: {
        status: 'DEAD',
        ...(after ? { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      include: { job: { select: { title: true, company: true, applyUrl: true } }, user: { select: { email: true } } },
    });
    const page = rows.slice(0, query.limit);
    const items: DeadLetter[] = page.map((a) => ({
      id: a.id,
      userEmail: a.user.email,
      job: a.job,
      lane: a.lane,
      attempt: a.attempt,
      maxAttempts: a.maxAttempts,
      lastError: a.lastError,
      errorClass: a.errorClass,
      diedAt: a.updatedAt.toISOString(),
    }));
    const last = page.at(-1);
    res.json({ items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.updatedAt, last.id) : null });
  });

  router.post('/queue/dead/:id/retry', requireOperator, async (req, res) => {
    const { id } = parse(IdParam, req.params, 'params');
    const app = await inTransaction(ctx, (uow) =>
      retryApplication(uow, { applicationId: id, operatorId: caller(req).userId }),
    );
    res.json({ id: app.id, status: app.status });
  });
  return router;
}
