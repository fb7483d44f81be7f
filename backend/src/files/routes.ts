// GET /v1/files/resumes/:id?exp=&sig=: downloads through signed links, without user sign-in.
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { sendStoredFile } from './file-store.ts';
import { verifyFileSignature } from './signed-urls.ts';

export function fileRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/files/resumes/:id', async (req, res) => {
    verifyFileSignature(ctx.config.jwtSecret, 'resume', req.params.id, req.query);
    const resume = await ctx.db.prisma.resume.findUnique({ where: { id: req.params.id } });
    if (!resume) throw notFound('Resume');
    await sendStoredFile(res, ctx.files, resume);
  });
  return router;
}
