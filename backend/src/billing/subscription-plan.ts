// The user's plan follows their Stripe subscription: its price (or metadata) names the plan, its
// status says whether they keep it. Every plan change is made here, under a row lock, and audited
// with its cause (the webhook event, or our own change of the subscription).
import type { Tx } from '@jobswipe/db';
import type Stripe from 'stripe';
import { audit } from '../audit/audit-log.ts';
import { reconsiderWaiting } from '../quota/reconsider-waiting.ts';

export type PlanFollowed = 'applied' | 'ignored';

/** What caused a plan change, for the audit log. */
type Cause = Record<string, string>;

const FREE_PLAN = 'free';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** States that keep the paid plan (past_due: Stripe is still retrying the payment). */
export const ENTITLED = new Set<string>(['active', 'trialing', 'past_due']);

/** States that end it; any other (incomplete) waits for the next event. */
const ENDED = new Set<string>(['canceled', 'unpaid', 'incomplete_expired', 'paused']);

export async function followSubscription(
  tx: Tx,
  subscription: Stripe.Subscription,
  { deleted, cause }: { deleted: boolean; cause: Cause },
): Promise<PlanFollowed> {
  const known = await tx.subscription.findUnique({ where: { stripeSubscriptionId: subscription.id } });
  const userId = known?.userId ?? subscription.metadata.userId;
  const item = subscription.items.data[0];
  const pricedPlan = item ? await tx.plan.findUnique({ where: { stripePriceId: item.price.id } }) : null;
  const planId = pricedPlan?.id ?? subscription.metadata.planId ?? known?.planId;
  if (!userId || !planId || !(await exists(tx, userId, planId))) return 'ignored';

  const status = deleted ? 'canceled' : subscription.status;
  const fields = {
    planId,
    status,
    stripeCustomerId: idOf(subscription.customer),
    stripeSubscriptionId: subscription.id,
    currentPeriodEnd: item ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end ?? false,
  };
  await tx.subscription.upsert({ where: { userId }, create: { userId, ...fields }, update: fields });
  if (ENTITLED.has(status)) await setPlan(tx, userId, planId, cause);
  else if (ENDED.has(status)) await setPlan(tx, userId, FREE_PLAN, cause);
  return 'applied';
}

export async function setPlan(tx: Tx, userId: string, planId: string, cause: Cause): Promise<void> {
  // Locked, so two events for one user cannot both see the old plan and both audit a change.
  const [user] = await tx.$queryRaw<{ plan_id: string }[]>`
    select plan_id from users where id = ${userId}::uuid for update`;
  if (!user || user.plan_id === planId) return;
  await tx.user.update({ where: { id: userId }, data: { planId } });
  await reconsiderWaiting(tx, userId);
  await audit(tx, { userId, action: 'plan_changed', data: { from: user.plan_id, to: planId, ...cause } });
}

/** Metadata comes back from Stripe as we sent it, but a user may have been deleted since. */
export async function exists(tx: Tx, userId: string, planId: string): Promise<boolean> {
  if (!UUID.test(userId)) return false;
  return (
    (await tx.user.count({ where: { id: userId } })) === 1 && (await tx.plan.count({ where: { id: planId } })) === 1
  );
}

export function idOf(ref: string | { id: string } | null): string | null {
  return typeof ref === 'string' ? ref : (ref?.id ?? null);
}
