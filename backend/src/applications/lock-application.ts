// Locks the caller's application row for the rest of the transaction, so a decision based on its
// columns (quota held, progress step) cannot race a concurrent change.
import type { Application, Tx } from '@jobswipe/db';
import { notFound } from '../http/errors.ts';
import { type ApplicationRow, applicationFromRow } from './application-row.ts';

export async function lockOwnApplication(tx: Tx, id: string, userId: string): Promise<Application> {
  const rows = await tx.$queryRaw<ApplicationRow[]>`
    select * from applications where id = ${id}::uuid and user_id = ${userId}::uuid for update`;
  const row = rows[0];
  if (!row) throw notFound('Application');
  return applicationFromRow(row);
}
