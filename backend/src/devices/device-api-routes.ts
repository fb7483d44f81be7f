// The device-scoped API: what a device's own screens show (the extension's popup, the desktop
// app's "needs you" list), over its device token and scoped to the user it is paired to.
// GET /v1/devices/me, GET /v1/devices/me/queue, GET /v1/devices/me/questions,
// GET /v1/devices/me/applications/:id (a result with its evidence),
// POST /v1/devices/me/applications/:id/answer; the extension's autofill: GET /v1/devices/me/autofill,
// POST /v1/devices/me/applications/by-hand, POST /v1/devices/me/answers.
import type { Device } from '@jobswipe/db';
import {
  AnswerBody,
  type AnswersView,
  ByHandBody,
  type ByHandResponse,
  DEVICE_QUEUE_STATUSES,
  DeviceAnswersBody,
  type DeviceAutofill,
  DeviceAutofillQuery,
  type DeviceQuestions,
  type DeviceQueue,
  DeviceQueueQuery,
  type DeviceSelf,
  HELD_STATUSES,
  IdParams,
  normalizeQuestion,
} from '@jobswipe/protocol';
import { type Request, Router } from 'express';
import { catalogJobAt, recordAppliedByHand } from '../applications/applied-by-hand.ts';
import { answerApplication, type UndoHold } from '../applications/requeue-application.ts';
import { applicationDetailOf, jobSummarySelect, toApplicationSummary } from '../applications/views.ts';
import { bearerToken } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { AppError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { applicantMaterials } from '../leases/work-order.ts';
import { listSavedAnswers, saveFormAnswers } from '../profile/saved-answers.ts';
import { authenticateDevice } from './device-auth.ts';
import { toDeviceView } from './device-view.ts';

const held: readonly string[] = HELD_STATUSES;
/** How long the autofill's resume link works: the user fills the form right after asking. */
const AUTOFILL_LINK_MS = 10 * 60_000;

/** `grace`: the grace release, told when an application answered since its swipe leaves its undo window. */
export function deviceApiRoutes(ctx: AppContext, grace: UndoHold['grace']): Router {
  const router = Router();
  const { prisma } = ctx.db;

  async function deviceOf(req: Request): Promise<Device> {
    const token = bearerToken(req);
    if (!token) throw new AppError('unauthenticated', 'Send the device token as "Authorization: Bearer dt_...".');
    return authenticateDevice(ctx, token);
  }

  router.get('/devices/me', async (req, res) => {
    const device = await deviceOf(req);
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: device.userId },
      select: { id: true, email: true },
    });
    const body: DeviceSelf = { device: toDeviceView(device), user };
    res.json(body);
  });

  router.get('/devices/me/queue', async (req, res) => {
    const { userId } = await deviceOf(req);
    const { limit } = parse(DeviceQueueQuery, req.query, 'query');
    const where = { userId, status: { in: [...DEVICE_QUEUE_STATUSES] } };
    const [rows, total] = await Promise.all([
      prisma.application.findMany({
        where,
        orderBy: [{ availableAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        take: limit,
        include: { job: jobSummarySelect },
      }),
      prisma.application.count({ where }),
    ]);
    // What an executor holds now comes first; the sort is stable, so the rest keep their order.
    const items = rows.map(toApplicationSummary).sort((a, b) => +held.includes(b.status) - +held.includes(a.status));
    const body: DeviceQueue = { items, total };
    res.json(body);
  });

  router.get('/devices/me/questions', async (req, res) => {
    const { userId } = await deviceOf(req);
    const rows = await prisma.application.findMany({
      where: { userId, status: 'NEEDS_ATTENTION' },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take: 100,
      include: { job: jobSummarySelect },
    });
    const body: DeviceQuestions = { items: rows.map(toApplicationSummary) };
    res.json(body);
  });

  router.get('/devices/me/applications/:id', async (req, res) => {
    const { userId } = await deviceOf(req);
    const { id } = parse(IdParams, req.params, 'params');
    res.json(await applicationDetailOf(prisma, id, userId));
  });

  router.post('/devices/me/applications/:id/answer', async (req, res) => {
    const { userId } = await deviceOf(req);
    const { id } = parse(IdParams, req.params, 'params');
    const { answers } = parse(AnswerBody, req.body, 'body');
    // lockApplication inside refuses (404) an application of another user.
    await inTransaction(ctx, (uow) =>
      answerApplication(uow, {
        applicationId: id,
        userId,
        answers,
        secrets: ctx.secrets,
        undo: { defaultMs: ctx.config.UNDO_GRACE_MS, grace },
      }),
    );
    const app = await prisma.application.findUniqueOrThrow({ where: { id }, include: { job: jobSummarySelect } });
    res.json(toApplicationSummary(app));
  });

  router.get('/devices/me/autofill', async (req, res) => {
    const { userId } = await deviceOf(req);
    const { url } = parse(DeviceAutofillQuery, req.query, 'query');
    const [{ email: _email, ...materials }, job] = await Promise.all([
      applicantMaterials(ctx, userId, new Date(Date.now() + AUTOFILL_LINK_MS)),
      url ? catalogJobAt(prisma, url) : null,
    ]);
    const body: DeviceAutofill = { ...materials, job: job && { company: job.company, country: job.country } };
    res.json(body);
  });

  router.post('/devices/me/applications/by-hand', async (req, res) => {
    const device = await deviceOf(req);
    const input = parse(ByHandBody, req.body, 'body');
    const { application, job, created } = await inTransaction(ctx, (uow) =>
      recordAppliedByHand(uow, { userId: device.userId, deviceId: device.id }, input),
    );
    const body: ByHandResponse = {
      application: toApplicationSummary({ ...application, job }),
      created,
    };
    res.status(created ? 201 : 200).json(body);
  });

  router.post('/devices/me/answers', async (req, res) => {
    const { userId } = await deviceOf(req);
    const { answers } = parse(DeviceAnswersBody, req.body, 'body');
    await prisma.$transaction((tx) => saveFormAnswers(tx, userId, answers));
    const keys = new Set(answers.map((a) => normalizeQuestion(a.question)));
    const body: AnswersView = {
      answers: (await listSavedAnswers(prisma, userId)).filter((a) => keys.has(a.questionKey)),
    };
    res.json(body);
  });

  return router;
}
