// Stripe's webhook events, applied once each: the event id goes into stripe_events in the same
// transaction as the plan change, so a replayed or re-delivered event finds it there and changes
// nothing. Events we cannot attribute are recorded and ignored (Stripe would otherwise retry them
// for days).
import type { Tx } from '@jobswipe/db';
import type Stripe from 'stripe';
import { audit } from '../audit/audit-log.ts';
import type { AppContext } from '../context.ts';
import { reconsiderWaiting } from '../quota/reconsider-waiting.ts';

export type WebhookOutcome = 'applied' | 'replayed' | 'ignored';

const FREE_PLAN = 'free';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Subscription states that keep the paid plan (past_due: Stripe is still retrying the payment). */
const ENTITLED = new Set<string>(['active', 'trialing', 'past_due']);
/** States that end it; any other (incomplete) waits for the next event. */
const ENDED = new Set<string>(['canceled', 'unpaid', 'incomplete_expired', 'paused']);

export async function applyStripeEvent(ctx: Pick<AppContext, 'db'>, event: Stripe.Event): Promise<WebhookOutcome> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const recorded = await tx.stripeEvent.createMany({
      data: [{ id: event.id, type: event.type }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return 'replayed';
    switch (event.type) {
      case 'checkout.session.completed':
        return checkoutCompleted(tx, event.id, event.data.object);
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
        return subscriptionChanged(tx, event.id, event.data.object, event.type === 'customer.subscription.deleted');
      default:
        return 'ignored';
    }
  });
}

async function checkoutCompleted(tx: Tx, eventId: string, session: Stripe.Checkout.Session): Promise<WebhookOutcome> {
  const userId = session.client_reference_id ?? session.metadata?.userId;
  const planId = session.metadata?.planId;
  if (session.mode !== 'subscription' || !userId || !planId || !(await exists(tx, userId, planId))) return 'ignored';
  const stripeSubscriptionId = idOf(session.subscription);
  const fields = { planId, status: 'active', stripeCustomerId: idOf(session.customer), stripeSubscriptionId };
  await tx.subscription.upsert({ where: { userId }, create: { userId, ...fields }, update: fields });
  await setPlan(tx, userId, planId, eventId);
  return 'applied';
}

async function subscriptionChanged(
  tx: Tx,
  eventId: string,
  subscription: Stripe.Subscription,
  deleted: boolean,
): Promise<WebhookOutcome> {
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
  };
  await tx.subscription.upsert({ where: { userId }, create: { userId, ...fields }, update: fields });
  if (ENTITLED.has(status)) await setPlan(tx, userId, planId, eventId);
  else if (ENDED.has(status)) await setPlan(tx, userId, FREE_PLAN, eventId);
  return 'applied';
}

async function setPlan(tx: Tx, userId: string, planId: string, eventId: string): Promise<void> {
  // Locked, so two events for one user cannot both see the old plan and both audit a change.
  const [user] = await tx.$queryRaw<{ plan_id: string }[]>`
    select plan_id from users where id = ${userId}::uuid for update`;
  if (!user || user.plan_id === planId) return;
  await tx.user.update({ where: { id: userId }, data: { planId } });
  await reconsiderWaiting(tx, userId);
  await audit(tx, { userId, action: 'plan_changed', data: { from: user.plan_id, to: planId, stripeEventId: eventId } });
}

/** Metadata comes back from Stripe as we sent it, but a user may have been deleted since. */
async function exists(tx: Tx, userId: string, planId: string): Promise<boolean> {
  if (!UUID.test(userId)) return false;
  return (
    (await tx.user.count({ where: { id: userId } })) === 1 && (await tx.plan.count({ where: { id: planId } })) === 1
  );
}

function idOf(ref: string | { id: string } | null): string | null {
  return typeof ref === 'string' ? ref : (ref?.id ?? null);
}
