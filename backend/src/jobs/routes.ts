// GET /v1/jobs/deck (the caller's swipe deck) and GET /v1/jobs/:id, each card with the questions
// the caller still owes its form.
import type { Job } from '@jobswipe/db';
import { type DeckCard, type DeckPage, DeckQuery, IdParams } from '@jobswipe/protocol';
import { Router } from 'express';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { decodeRankedCursor, encodeRankedCursor } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { deckPage } from './deck-query.ts';
import { fitProfile } from './fit-profile.ts';
import { toJobView } from './job-view.ts';
import { type Applicant, loadApplicant, owedQuestions, storedForm } from './owed-questions.ts';

export function jobRoutes(ctx: AppContext): Router {
  const router = Router();

  async function cards(applicant: Applicant, jobs: Job[]): Promise<DeckCard[]> {
    if (!jobs.length) return [];
    const forms = await ctx.db.prisma.jobForm.findMany({ where: { jobId: { in: jobs.map((j) => j.id) } } });
    const formOf = new Map(forms.map((f) => [f.jobId, storedForm(f)]));
    return jobs.map((job) => ({
      ...toJobView(job),
      questions: owedQuestions(formOf.get(job.id) ?? null, applicant, job),
    }));
  }

  router.get('/jobs/deck', async (req, res) => {
    const { cursor, limit, ...filters } = parse(DeckQuery, req.query, 'query');
    const { userId } = caller(req);
    // The profile ranks the deck and says what each card still owes: read once for both.
    const applicant = await loadApplicant(ctx.db.prisma, userId);
    const page = await deckPage(
      ctx.db.prisma,
      userId,
      filters,
      fitProfile(applicant.profile),
      cursor ? decodeRankedCursor(cursor) : null,
      limit,
    );
    const body: DeckPage = {
      items: await cards(applicant, page.jobs),
      nextCursor: page.last ? encodeRankedCursor(page.last) : null,
    };
    res.json(body);
  });

  router.get('/jobs/:id', async (req, res) => {
    const { id } = parse(IdParams, req.params, 'params');
    const job = await ctx.db.prisma.job.findUnique({ where: { id } });
    if (!job) throw notFound('Job');
    const [card] = await cards(await loadApplicant(ctx.db.prisma, caller(req).userId), [job]);
    res.json(card);
  });

  return router;
}
