// Atomic increments and decrements of one usage counter (one user, one period, one column).
// `take` adds one only while the count is under the limit, in a single statement, so concurrent
// swipes can never push a counter past its plan's limit.
import { Prisma, type Tx } from '@jobswipe/db';
import type { PeriodKind } from './periods.ts';

export type Counter = 'total_used' | 'server_used';

export interface CounterRef {
  userId: string;
  kind: PeriodKind;
  start: Date;
  column: Counter;
}

/** Adds one if the counter is below `limit` (null: unlimited); true when it did. */
export async function take(tx: Tx, ref: CounterRef, limit: number | null): Promise<boolean> {
  if (limit !== null && limit <= 0) return false;
  const col = Prisma.raw(ref.column);
  const underLimit = limit === null ? Prisma.empty : Prisma.sql`where usage_counters.${col} < ${limit}`;
  const changed = await tx.$executeRaw`
    insert into usage_counters (user_id, period_kind, period_start, ${col})
    values (${ref.userId}::uuid, ${ref.kind}, ${ref.start}::date, 1)
    on conflict (user_id, period_kind, period_start)
    do update set ${col} = usage_counters.${col} + 1 ${underLimit}`;
  return changed === 1;
}

/** Gives one back (never below zero). */
export async function give(tx: Tx, ref: CounterRef): Promise<void> {
  const col = Prisma.raw(ref.column);
  await tx.$executeRaw`
    update usage_counters set ${col} = ${col} - 1
    where user_id = ${ref.userId}::uuid and period_kind = ${ref.kind} and period_start = ${ref.start}::date and ${col} > 0`;
}
