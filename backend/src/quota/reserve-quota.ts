// Routing and quota reservation for one application, inside the caller's transaction. The rules
// (ARCHITECTURE.md, "Plans and quotas" and "Lanes") live in one database function, `reserve_quota`,
// which the swipe transaction calls in the database and the scheduler calls through `reserveQuota`:
// - every application counts against the daily limit and the monthly total; over the daily limit
//   it is kept and SCHEDULED for the next day, over the monthly total it WAITS for next month;
// - the lane: device_only → device; server_only → server while server quota lasts, else it waits;
//   auto → server while server quota lasts, else the user's devices.
// Each counter moves by one conditional statement (`usage_take`), so concurrent swipes can never
// push one past its plan's limit; a later refusal gives back what was taken before it.
import type { Tx } from '@jobswipe/db';
import type { ExecutionPreference, Lane } from '@jobswipe/protocol';
import { type SqlFunction, statusSql } from '../db/sql-function.ts';
import { give } from './usage-counter.ts';

export interface PlanLimits {
  serverPerMonth: number | null;
  totalPerMonth: number | null;
  dailyLimit: number | null;
}

export interface QuotaHold {
  day: Date;
  month: Date;
  serverReserved: boolean;
}

export type Reservation =
  | { kind: 'reserved'; lane: Lane; quota: QuotaHold }
  | { kind: 'deferred'; status: 'SCHEDULED' | 'WAITING_QUOTA'; availableAt: Date; reason: string };

const SCHEDULED = statusSql(['create', 'defer'], 'SCHEDULED');
const WAITING_QUOTA = statusSql(['create', 'defer'], 'WAITING_QUOTA');

/**
 * One row: `reserved` with the lane and the periods counted, or the status to wait in (`deferred`),
 * until when, and why. Periods are UTC days and months.
 */
export const RESERVE_QUOTA_SQL: SqlFunction = {
  name: 'reserve_quota',
  sql: `
create or replace function reserve_quota(
  p_user uuid, p_preference execution_preference, p_daily int, p_total int, p_server int, p_now timestamptz,
  out reserved boolean, out lane lane, out deferred application_status, out available_at timestamptz,
  out reason text, out quota_day date, out quota_month date, out server_reserved boolean
) language plpgsql as $$
declare
  v_day date := (p_now at time zone 'UTC')::date;
  v_month date := date_trunc('month', p_now at time zone 'UTC')::date;
  v_next_month timestamptz := (v_month + interval '1 month')::timestamp at time zone 'UTC';
begin
  reserved := false;
  server_reserved := false;
  if not usage_take(p_user, 'day', v_day, false, p_daily) then
    deferred := ${SCHEDULED};
    available_at := (v_day + 1)::timestamp at time zone 'UTC';
    reason := format('Daily limit of %s reached: scheduled for tomorrow.', p_daily);
    return;
  end if;
  if not usage_take(p_user, 'month', v_month, false, p_total) then
    perform usage_give(p_user, 'day', v_day, false);
    deferred := ${WAITING_QUOTA};
    available_at := v_next_month;
    reason := format('Monthly limit of %s applications reached: waiting for next month or a plan upgrade.', p_total);
    return;
  end if;
  -- Nested rather than one AND: SQL does not promise to evaluate the left side first, and taking has effects.
  if p_preference <> 'device_only' then
    server_reserved := usage_take(p_user, 'month', v_month, true, p_server);
  end if;
  if server_reserved then
    lane := 'server';
  elsif p_preference <> 'server_only' then
    lane := 'device';
  else
    perform usage_give(p_user, 'day', v_day, false);
    perform usage_give(p_user, 'month', v_month, false);
    deferred := ${WAITING_QUOTA};
    available_at := v_next_month;
    reason := format('Server applications for this month (%s) are used up and you chose server only: waiting for next month, a plan upgrade, or a change of preference.', p_server);
    return;
  end if;
  reserved := true;
  quota_day := v_day;
  quota_month := v_month;
end $$;`,
};

interface ReservationRow {
  reserved: boolean;
  lane: Lane | null;
  deferred: 'SCHEDULED' | 'WAITING_QUOTA' | null;
  available_at: Date | null;
  reason: string | null;
  quota_day: Date | null;
  quota_month: Date | null;
  server_reserved: boolean;
}

export async function reserveQuota(
  tx: Tx,
  req: { userId: string; plan: PlanLimits; preference: ExecutionPreference; now: Date },
): Promise<Reservation> {
  const { userId, plan, preference, now } = req;
  const [row] = await tx.$queryRaw<ReservationRow[]>`
    select * from reserve_quota(${userId}::uuid, ${preference}::execution_preference, ${plan.dailyLimit}::int,
      ${plan.totalPerMonth}::int, ${plan.serverPerMonth}::int, ${now})`;
  if (!row) throw new Error('reserve_quota returned no row');
  if (row.reserved && row.lane && row.quota_day && row.quota_month) {
    return {
      kind: 'reserved',
      lane: row.lane,
      quota: { day: row.quota_day, month: row.quota_month, serverReserved: row.server_reserved },
    };
  }
  if (!row.deferred || !row.available_at || !row.reason) throw new Error('reserve_quota returned a partial row');
  return { kind: 'deferred', status: row.deferred, availableAt: row.available_at, reason: row.reason };
}

/**
 * Gives back what an application holds: the server share when it leaves the server lane, all of
 * it when it is cancelled. Returns the hold that remains, to store on the application.
 */
export async function releaseQuota(
  tx: Tx,
  app: { userId: string; quotaDay: Date | null; quotaMonth: Date | null; serverReserved: boolean },
  what: 'server' | 'all',
): Promise<{ day: Date | null; month: Date | null; serverReserved: boolean }> {
  if (app.serverReserved && app.quotaMonth) {
    await give(tx, { userId: app.userId, kind: 'month', start: app.quotaMonth, column: 'server_used' });
  }
  if (what === 'server') return { day: app.quotaDay, month: app.quotaMonth, serverReserved: false };
  if (app.quotaDay) await give(tx, { userId: app.userId, kind: 'day', start: app.quotaDay, column: 'total_used' });
  if (app.quotaMonth)
    await give(tx, { userId: app.userId, kind: 'month', start: app.quotaMonth, column: 'total_used' });
  return { day: null, month: null, serverReserved: false };
}
