// Atomic increments and decrements of one usage counter (one user, one period, one column), as
// database functions: `usage_take` adds one only while the count is under the limit, in a single
// statement, so concurrent swipes can never push a counter past its plan's limit; `usage_give`
// gives one back, never below zero.
import type { Tx } from '@jobswipe/db';
import type { SqlFunction } from '../db/sql-function.ts';
import type { PeriodKind } from './periods.ts';

export type Counter = 'total_used' | 'server_used';

export interface CounterRef {
  userId: string;
  kind: PeriodKind;
  start: Date;
  column: Counter;
}

/** Adds one to a counter while it is below the limit (null: unlimited); true when it did. */
export const USAGE_TAKE_SQL: SqlFunction = {
  name: 'usage_take',
  sql: `
create or replace function usage_take(p_user uuid, p_kind text, p_start date, p_server boolean, p_limit int)
returns boolean language plpgsql as $$
begin
  if p_limit is not null and p_limit <= 0 then
    return false;
  end if;
  if p_server then
    insert into usage_counters (user_id, period_kind, period_start, server_used) values (p_user, p_kind, p_start, 1)
    on conflict (user_id, period_kind, period_start) do update set server_used = usage_counters.server_used + 1
    where p_limit is null or usage_counters.server_used < p_limit;
  else
    insert into usage_counters (user_id, period_kind, period_start, total_used) values (p_user, p_kind, p_start, 1)
    on conflict (user_id, period_kind, period_start) do update set total_used = usage_counters.total_used + 1
    where p_limit is null or usage_counters.total_used < p_limit;
  end if;
  return found;
end $$;`,
};

/** Gives one back (never below zero). */
export const USAGE_GIVE_SQL: SqlFunction = {
  name: 'usage_give',
  sql: `
create or replace function usage_give(p_user uuid, p_kind text, p_start date, p_server boolean)
returns void language sql as $$
  update usage_counters
  set server_used = server_used - case when p_server then 1 else 0 end,
      total_used = total_used - case when p_server then 0 else 1 end
  where user_id = p_user and period_kind = p_kind and period_start = p_start
    and case when p_server then server_used else total_used end > 0
$$;`,
};

export async function give(tx: Tx, ref: CounterRef): Promise<void> {
  await tx.$executeRaw`
    select usage_give(${ref.userId}::uuid, ${ref.kind}, ${ref.start}::date, ${ref.column === 'server_used'})`;
}
