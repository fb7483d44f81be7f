// GET /v1/jobs/deck (the caller's swipe deck) and GET /v1/jobs/:id, each card with the questions
// the caller still owes its form.
import type { Job } from '@jobswipe/db';
import { type DeckCard, type DeckPage, DeckQuery, IdParams } from '@jobswipe/protocol';
import { Router } from 'express';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { deckPage } from './deck-query.ts';
import { toJobView } from './job-view.ts';
import { loadApplicant, owedQuestions, storedForm } from './owed-questions.ts';

export function jobRoutes(ctx: AppContext): Router {
  const router = Router();

  async function cards(userId: string, jobs: Job[]): Promise<DeckCard[]> {
    if (!jobs.length) return [];
    const [applicant, forms] = await Promise.all([
      loadApplicant(ctx.db.prisma, userId),
      ctx.db.prisma.jobForm.findMany({ where: { jobId: { in: jobs.map((j) => j.id) } } }),
    ]);
    const formOf = new Map(forms.map((f) => [f.jobId, storedForm(f)]));
    return jobs.map((job) => ({
      ...toJobView(job),
      questions: owedQuestions(formOf.get(job.id) ?? null, applicant, job),
    }));
  }

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
      items: await cards(caller(req).userId, page.jobs),
      nextCursor: page.last ? encodeCursor(page.last.at, page.last.id) : null,
    };
    res.json(body);
  });

  router.get('/jobs/:id', async (req, res) => {
    const { id } = parse(IdParams, req.params, 'params');
    const job = await ctx.db.prisma.job.findUnique({ where: { id } });
    if (!job) throw notFound('Job');
    const [card] = await cards(caller(req).userId, [job]);
    res.json(card);
  });

  return router;
}
