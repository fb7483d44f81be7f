// What a user has used of their plan in the current day and month.
import type { Queryable } from '@jobswipe/db';
import { dayStart, monthStart } from './periods.ts';

export interface Usage {
  serverThisMonth: number;
  totalThisMonth: number;
  today: number;
  modelCallsThisMonth: number;
  modelTokensThisMonth: number;
}

export async function readUsage(db: Queryable, userId: string, now = new Date()): Promise<Usage> {
  const rows = await db.usageCounter.findMany({
    where: {
      userId,
      OR: [
        { periodKind: 'day', periodStart: dayStart(now) },
        { periodKind: 'month', periodStart: monthStart(now) },
      ],
    },
  });
  const day = rows.find((r) => r.periodKind === 'day');
  const month = rows.find((r) => r.periodKind === 'month');
  return {
    serverThisMonth: month?.serverUsed ?? 0,
    totalThisMonth: month?.totalUsed ?? 0,
    today: day?.totalUsed ?? 0,
    modelCallsThisMonth: month?.modelCalls ?? 0,
    modelTokensThisMonth: month?.modelTokens ?? 0,
  };
}
