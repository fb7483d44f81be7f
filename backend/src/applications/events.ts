// The append-only history of an application: status changes, progress, errors. Each event
// carries the application's correlation id, which links the swipe to its submission in logs too.
import type { Application, Prisma } from '@jobswipe/db';
import type { ApplicationStatus } from '@jobswipe/protocol';
import type { UnitOfWork } from '../db/unit-of-work.ts';

export interface EventInput {
  type: 'status' | 'progress' | 'note';
  fromStatus?: ApplicationStatus | null;
  toStatus?: ApplicationStatus | null;
  step?: string | null;
  percent?: number | null;
  message?: string | null;
  data?: Prisma.InputJsonValue | undefined;
  actor: string;
}

export async function recordEvent(uow: UnitOfWork, application: Application, event: EventInput): Promise<void> {
  await uow.tx.applicationEvent.create({
    data: {
      applicationId: application.id,
      userId: application.userId,
      type: event.type,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      step: event.step ?? null,
      percent: event.percent ?? null,
      message: event.message ?? null,
      ...(event.data === undefined ? {} : { data: event.data }),
      actor: event.actor,
      attempt: application.attempt,
      correlationId: application.correlationId,
    },
  });
}
