// Applications as the API shows them.
import type { Application, ApplicationEvent, Evidence, Job, JobSnapshot, PrismaClient } from '@jobswipe/db';
import { type ApplicationDetail, type ApplicationSummary, FilledField, Question } from '@jobswipe/protocol';
import { z } from 'zod';
import { notFound } from '../http/errors.ts';

const Questions = z.array(Question);
const Filled = z.array(FilledField);

export type ApplicationWithJob = Application & { job: Pick<Job, 'title' | 'company' | 'location' | 'atsKind'> };

export function toApplicationSummary(app: ApplicationWithJob): ApplicationSummary {
  const attention = Questions.safeParse(app.attention);
  return {
    id: app.id,
    jobId: app.jobId,
    status: app.status,
    lane: app.lane,
    priority: app.priority,
    attempt: app.attempt,
    maxAttempts: app.maxAttempts,
    availableAt: app.availableAt.toISOString(),
    executor: app.leaseOwner,
    progressStep: app.progressStep,
    progressPct: app.progressPct,
    lastError: app.lastError,
    errorClass: app.errorClass,
    attention: attention.success ? attention.data : null,
    confirmation: app.confirmation,
    correlationId: app.correlationId,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    finishedAt: app.finishedAt?.toISOString() ?? null,
    undoUntil: app.status === 'GRACE' ? app.availableAt.toISOString() : null,
    job: { title: app.job.title, company: app.job.company, location: app.job.location, atsKind: app.job.atsKind },
  };
}

export function toApplicationDetail(
  app: ApplicationWithJob & { snapshot: JobSnapshot | null; events: ApplicationEvent[]; evidence: Evidence[] },
): ApplicationDetail {
  return {
    ...toApplicationSummary(app),
    snapshot: (app.snapshot?.posting as Record<string, unknown> | undefined) ?? null,
    filled: Filled.catch([]).parse(app.filled ?? []),
    events: app.events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      step: e.step,
      percent: e.percent,
      message: e.message,
      actor: e.actor,
      attempt: e.attempt,
      createdAt: e.createdAt.toISOString(),
    })),
    evidence: app.evidence.map((e) => ({
      id: e.id,
      attempt: e.attempt,
      kind: e.kind,
      mime: e.mime,
      size: e.size,
      url: `/v1/applications/${app.id}/evidence/${e.id}`,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export const jobSummarySelect = { select: { title: true, company: true, location: true, atsKind: true } } as const;

/** One of the user's applications with its events and evidence (404 for anyone else's). */
export async function applicationDetailOf(
  prisma: PrismaClient,
  id: string,
  userId: string,
): Promise<ApplicationDetail> {
  const app = await prisma.application.findFirst({
    where: { id, userId },
    include: {
      job: jobSummarySelect,
      snapshot: true,
      events: { orderBy: { id: 'asc' } },
      evidence: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!app) throw notFound('Application');
  return toApplicationDetail(app);
}
