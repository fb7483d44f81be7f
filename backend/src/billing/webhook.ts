// Stripe's webhook events, applied once each: the event id goes into stripe_events in the same
// transaction as the plan change, so a replayed or re-delivered event finds it there and changes
// nothing. Events we cannot attribute are recorded and ignored (Stripe would otherwise retry them
// for days).
import type { Tx } from '@jobswipe/db';
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { exists, followSubscription, idOf, type PlanFollowed, setPlan } from './subscription-plan.ts';

export type WebhookOutcome = PlanFollowed | 'replayed';

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
        return followSubscription(tx, event.data.object, {
          deleted: event.type === 'customer.subscription.deleted',
          cause: { stripeEventId: event.id },
        });
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
  await setPlan(tx, userId, planId, { stripeEventId: eventId });
  return 'applied';
}
