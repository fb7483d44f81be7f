// Inserts a new application in its starting status (the `create` transition), with the job as
// the user saw it, its first audit event and, when QUEUED, its delivery message.
import type { Application, Job } from '@jobswipe/db';
import { allows, type Lane } from '@jobswipe/protocol';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { toJobView } from '../jobs/job-view.ts';
import { enqueueDelivery } from '../outbox/enqueue-delivery.ts';
import type { Reservation } from '../quota/reserve-quota.ts';
import { recordEvent } from './events.ts';

export interface NewApplication {
  userId: string;
  job: Job;
  swipeId: string;
  priority: number;
  maxAttempts: number;
  reservation: Reservation;
  /** The lane a deferred application is expected to use; decided again when it comes due. */
  fallbackLane: Lane;
}

export async function createApplication(uow: UnitOfWork, req: NewApplication): Promise<Application> {
  const r = req.reservation;
  const status = r.kind === 'reserved' ? 'QUEUED' : r.status;
  if (!allows('create', null, status)) throw new Error(`cannot create an application as ${status}`);
  const application = await uow.tx.application.create({
    data: {
      userId: req.userId,
      jobId: req.job.id,
      swipeId: req.swipeId,
      status,
      lane: r.kind === 'reserved' ? r.lane : req.fallbackLane,
      priority: req.priority,
      maxAttempts: req.maxAttempts,
      availableAt: r.kind === 'reserved' ? new Date() : r.availableAt,
      quotaDay: r.kind === 'reserved' ? r.quota.day : null,
      quotaMonth: r.kind === 'reserved' ? r.quota.month : null,
      serverReserved: r.kind === 'reserved' && r.quota.serverReserved,
      snapshot: { create: { posting: { ...toJobView(req.job), capturedAt: new Date().toISOString() } } },
    },
  });
  if (status === 'QUEUED') await enqueueDelivery(uow, application);
  await recordEvent(uow, application, {
    type: 'status',
    fromStatus: null,
    toStatus: status,
    actor: `user:${req.userId}`,
    message: r.kind === 'deferred' ? r.reason : `Queued for the ${application.lane} lane.`,
  });
  uow.afterCommit(() => uow.events.applicationChanged(application, 'status', null, null));
  return application;
}
