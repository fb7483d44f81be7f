// GET /v1/plan's answer: the caller's plan and usage, and every plan to compare it with.
import type { Plan, Queryable } from '@jobswipe/db';
import type { PlanView, UsageView } from '@jobswipe/protocol';
import { notFound } from '../http/errors.ts';
import { nextSwipe } from '../quota/next-swipe.ts';
import { readUsage } from '../quota/usage.ts';

export function toPlanView(plan: Plan): PlanView {
  return {
    id: plan.id,
    name: plan.name,
    serverPerMonth: plan.serverPerMonth,
    totalPerMonth: plan.totalPerMonth,
    dailyLimit: plan.dailyLimit,
    priceCents: plan.priceCents,
    modelCallsPerMonth: plan.modelCallsPerMonth,
    modelTokensPerMonth: plan.modelTokensPerMonth,
  };
}

/** `defaultUndoGraceMs`: the grace period of a user who has not chosen one (UNDO_GRACE_MS). */
export async function usageView(db: Queryable, userId: string, defaultUndoGraceMs: number): Promise<UsageView> {
  const [user, plans, usage, devicesPaired] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, include: { plan: true, subscription: true } }),
    db.plan.findMany({ orderBy: { sortOrder: 'asc' } }),
    readUsage(db, userId),
    db.device.count({ where: { userId, revokedAt: null } }),
  ]);
  if (!user) throw notFound('User');
  return {
    plan: toPlanView(user.plan),
    plans: plans.map(toPlanView),
    subscription: user.subscription && {
      status: user.subscription.status,
      currentPeriodEnd: user.subscription.currentPeriodEnd?.toISOString() ?? null,
      cancelAtPeriodEnd: user.subscription.cancelAtPeriodEnd,
    },
    usage,
    executionPreference: user.executionPreference,
    undoGraceMs: user.undoGraceMs ?? defaultUndoGraceMs,
    reviewDrafts: user.reviewDrafts,
    nextSwipe: nextSwipe(user.plan, usage, user.executionPreference),
    devicesPaired,
  };
}
