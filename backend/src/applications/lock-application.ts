// Locks an application row for the rest of the transaction, so a decision based on its columns
// (quota held, progress step, due time) cannot race a concurrent change. With `userId`, only that
// user's application is found; another user's is "not found".
import type { Application, Tx } from '@jobswipe/db';
import { Prisma } from '@jobswipe/db';
import { notFound } from '../http/errors.ts';
import { type ApplicationRow, applicationFromRow } from './application-row.ts';

export async function lockApplication(tx: Tx, id: string, userId?: string): Promise<Application> {
  const userGuard = userId ? Prisma.sql`and user_id = ${userId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<ApplicationRow[]>`
    select * from applications where id = ${id}::uuid ${userGuard} for update`;
  const row = rows[0];
  if (!row) throw notFound('Application');
  return applicationFromRow(row);
}
