// Where the user's next right-swipe would go, for the deck to say before the swipe: the same
// checks reserveQuota makes, in the same order, read from the counters instead of taken from them.
// backend/test/plans.test.ts swipes after each prediction and checks the two agree.
import type { ExecutionPreference, NextSwipe } from '@jobswipe/protocol';
import type { PlanLimits } from './reserve-quota.ts';

const under = (used: number, limit: number | null) => limit === null || used < limit;

export function nextSwipe(
  plan: PlanLimits,
  usage: { today: number; totalThisMonth: number; serverThisMonth: number },
  preference: ExecutionPreference,
): NextSwipe {
  if (!under(usage.today, plan.dailyLimit)) return 'tomorrow';
  if (!under(usage.totalThisMonth, plan.totalPerMonth)) return 'next_month';
  if (preference === 'device_only') return 'device';
  if (under(usage.serverThisMonth, plan.serverPerMonth)) return 'server';
  return preference === 'auto' ? 'device' : 'next_month';
}
