// Writes the message that delivers a QUEUED application to an executor, in the same transaction
// as the status change: if the transaction commits, the message exists; the relay publishes it
// to the lane's Redis stream. NOTIFY wakes the relay at commit time.
import type { Application } from '@jobswipe/db';
import type { SqlFunction } from '../db/sql-function.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';

export const OUTBOX_CHANNEL = 'jobswipe_outbox';
export const DELIVER_TOPIC = 'deliver';

export interface DeliverPayload {
  applicationId: string;
  userId: string;
  lane: Application['lane'];
  priority: number;
}

/** `DeliverPayload` of an applications row, for delivery messages written in SQL. */
export const DELIVER_MESSAGE_SQL: SqlFunction = {
  name: 'deliver_message',
  sql: `
create or replace function deliver_message(a applications) returns jsonb language sql immutable as $$
  select jsonb_build_object('applicationId', a.id, 'userId', a.user_id, 'lane', a.lane, 'priority', a.priority)
$$;`,
};

export async function enqueueDelivery(uow: UnitOfWork, application: Application): Promise<bigint> {
  const payload: DeliverPayload = {
    applicationId: application.id,
    userId: application.userId,
    lane: application.lane,
    priority: application.priority,
  };
  const row = await uow.tx.outbox.create({
    data: { topic: DELIVER_TOPIC, payload: { ...payload } },
    select: { id: true },
  });
  await uow.tx.$executeRaw`select pg_notify(${OUTBOX_CHANNEL}, ${row.id.toString()})`;
  return row.id;
}
