// Routing and quota reservation for one application, inside the caller's transaction.
// The rules (ARCHITECTURE.md, "Plans and quotas" and "Lanes"):
// - every application counts against the daily limit and the monthly total; over the daily limit
//   it is kept and SCHEDULED for the next day, over the monthly total it WAITS for next month;
// - the lane: device_only → device; server_only → server while server quota lasts, else it waits;
//   auto → server while server quota lasts, else the user's devices.
import type { Tx } from '@jobswipe/db';
import type { ExecutionPreference, Lane } from '@jobswipe/protocol';
import { dayStart, monthStart, nextDayStart, nextMonthStart } from './periods.ts';
import { give, take } from './usage-counter.ts';

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

export async function reserveQuota(
  tx: Tx,
  req: { userId: string; plan: PlanLimits; preference: ExecutionPreference; now: Date },
): Promise<Reservation> {
  const { userId, plan, preference, now } = req;
  const day = { userId, kind: 'day' as const, start: dayStart(now), column: 'total_used' as const };
  const month = { userId, kind: 'month' as const, start: monthStart(now), column: 'total_used' as const };
  const server = { ...month, column: 'server_used' as const };

  if (!(await take(tx, day, plan.dailyLimit))) {
    return {
      kind: 'deferred',
      status: 'SCHEDULED',
      availableAt: nextDayStart(now),
      reason: `Daily limit of ${plan.dailyLimit} reached: scheduled for tomorrow.`,
    };
  }
  if (!(await take(tx, month, plan.totalPerMonth))) {
    await give(tx, day);
    return {
      kind: 'deferred',
      status: 'WAITING_QUOTA',
      availableAt: nextMonthStart(now),
      reason: `Monthly limit of ${plan.totalPerMonth} applications reached: waiting for next month or a plan upgrade.`,
    };
  }
  const hold = (serverReserved: boolean): QuotaHold => ({ day: day.start, month: month.start, serverReserved });
  if (preference === 'device_only') return { kind: 'reserved', lane: 'device', quota: hold(false) };
  if (await take(tx, server, plan.serverPerMonth)) return { kind: 'reserved', lane: 'server', quota: hold(true) };
  if (preference === 'auto') return { kind: 'reserved', lane: 'device', quota: hold(false) };

  await give(tx, day);
  await give(tx, month);
  return {
    kind: 'deferred',
    status: 'WAITING_QUOTA',
    availableAt: nextMonthStart(now),
    reason: `Server applications for this month (${plan.serverPerMonth}) are used up and you chose server only: waiting for next month, a plan upgrade, or a change of preference.`,
  };
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
