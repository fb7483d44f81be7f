// Users in a given plan and execution preference, with right-swipes on fresh jobs.

import type { PrismaClient } from '@jobswipe/db';
import type { SwipeResponse } from '@jobswipe/protocol';
import { monthStart } from '../../src/quota/periods.ts';
import { type Api, signUp } from './api.ts';
import { createJobs } from './factories.ts';

export async function userWith(
  api: Api,
  prisma: PrismaClient,
  opts: {
    plan?: string;
    preference?: 'auto' | 'device_only' | 'server_only';
    /** The user's undo grace period; left out: the server's default. */
    undoGraceMs?: number;
  } = {},
) {
  const user = await signUp(api);
  await prisma.user.update({
    where: { id: user.user.id },
    data: {
      planId: opts.plan ?? 'enterprise',
      executionPreference: opts.preference ?? 'device_only',
      ...(opts.undoGraceMs === undefined ? {} : { undoGraceMs: opts.undoGraceMs }),
    },
  });
  return user;
}

/** Records what the user already used this month, in all and on our servers. */
export async function usedThisMonth(
  prisma: PrismaClient,
  userId: string,
  used: { total: number; server: number },
): Promise<void> {
  await prisma.usageCounter.create({
    data: {
      userId,
      periodKind: 'month',
      periodStart: monthStart(new Date()),
      totalUsed: used.total,
      serverUsed: used.server,
    },
  });
}

/** How many of this month's applications ran on our servers. */
export async function serverUsedThisMonth(prisma: PrismaClient, userId: string): Promise<number> {
  const usage = await prisma.usageCounter.findFirstOrThrow({
    where: { userId, periodKind: 'month', periodStart: monthStart(new Date()) },
  });
  return usage.serverUsed;
}

/** Right-swipes `count` new jobs; returns the application ids in swipe order. */
export async function swipeRight(user: Api, prisma: PrismaClient, count: number): Promise<string[]> {
  const jobs = await createJobs(prisma, count);
  const ids: string[] = [];
  for (const job of jobs) {
    const res = await user.post<SwipeResponse>('/v1/swipes', { jobId: job.id, direction: 'right' });
    if (!res.body.application) throw new Error(`swipe failed: ${JSON.stringify(res.body)}`);
    ids.push(res.body.application.id);
  }
  return ids;
}

/** How many times each application was claimed, from the audit trail. */
export async function claimCounts(prisma: PrismaClient, ids: string[]): Promise<Map<string, number>> {
  const events = await prisma.applicationEvent.findMany({
    where: { applicationId: { in: ids }, toStatus: 'CLAIMED' },
    select: { applicationId: true },
  });
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const e of events) counts.set(e.applicationId, (counts.get(e.applicationId) ?? 0) + 1);
  return counts;
}
