// GET/PUT /v1/profile, POST /v1/profile/resumes, DELETE /v1/profile/resumes/:id, GET /v1/profile/resumes/:id/file,
// GET /v1/profile/resumes/:id/experience, GET/PUT /v1/profile/answers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AnswersBody, type AnswersView, IdParams, ProfileBody, type ResumeExperience } from '@jobswipe/protocol';
import { Router } from 'express';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { detectDocumentType } from '../files/document-type.ts';
import { sendStoredFile } from '../files/file-store.ts';
import { fileUpload } from '../files/upload.ts';
import { notFound } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { profileChanges, toProfileView, toResumeView } from './profile-view.ts';
import { experienceFromText, resumeText } from './resume-experience.ts';
import { defaultResume, deleteResume, RESUME_ACCEPTED, saveResume } from './resumes.ts';
import { listSavedAnswers, saveAnswers } from './saved-answers.ts';

export function profileRoutes(ctx: AppContext): Router {
  const router = Router();
  const { prisma } = ctx.db;
  const receiveResume = fileUpload({ field: 'file', maxBytes: ctx.config.RESUME_MAX_BYTES, accepted: RESUME_ACCEPTED });

  async function profileView(userId: string) {
    const [row, resume] = await Promise.all([
      // Every account gets a profile row at sign-up; upsert covers accounts made another way.
      prisma.profile.upsert({ where: { userId }, create: { userId }, update: {} }),
      defaultResume(prisma, userId),
    ]);
    return toProfileView(row, resume);
  }

  router.get('/profile', async (req, res) => {
    res.json(await profileView(caller(req).userId));
  });

  router.put('/profile', async (req, res) => {
    const { userId } = caller(req);
    const body = parse(ProfileBody, req.body, 'body');
    const changes = profileChanges(body, req.body);
    await prisma.profile.upsert({ where: { userId }, create: { userId, ...changes }, update: changes });
    res.json(await profileView(userId));
  });

  router.post('/profile/resumes', async (req, res) => {
    const { userId } = caller(req);
    const resume = await saveResume(ctx, userId, await receiveResume(req, res));
    res.status(201).json(toResumeView(resume));
  });

  router.delete('/profile/resumes/:id', async (req, res) => {
    const { id } = parse(IdParams, req.params, 'params');
    if (!(await deleteResume(ctx, caller(req).userId, id))) throw notFound('Resume');
    res.status(204).end();
  });

  router.get('/profile/resumes/:id/file', async (req, res) => {
    const { id } = parse(IdParams, req.params, 'params');
    const resume = await prisma.resume.findFirst({ where: { id, userId: caller(req).userId } });
    if (!resume) throw notFound('Resume');
    await sendStoredFile(res, ctx.files, resume);
  });

  router.get('/profile/resumes/:id/experience', async (req, res) => {
    const { id } = parse(IdParams, req.params, 'params');
    const resume = await prisma.resume.findFirst({ where: { id, userId: caller(req).userId } });
    if (!resume) throw notFound('Resume');
    const bytes = await readFile(join(ctx.config.storageDir, resume.storagePath));
    const kind = detectDocumentType(bytes)?.kind;
    const body: ResumeExperience = kind
      ? experienceFromText(await resumeText(bytes, kind))
      : { workHistory: [], education: [] };
    res.json(body);
  });

  router.get('/profile/answers', async (req, res) => {
    const body: AnswersView = { answers: await listSavedAnswers(prisma, caller(req).userId) };
    res.json(body);
  });

  router.put('/profile/answers', async (req, res) => {
    const { userId } = caller(req);
    const { answers } = parse(AnswersBody, req.body, 'body');
    await prisma.$transaction((tx) => saveAnswers(tx, userId, answers));
    const body: AnswersView = { answers: await listSavedAnswers(prisma, userId) };
    res.json(body);
  });

  return router;
}
