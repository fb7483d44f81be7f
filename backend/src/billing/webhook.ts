// Stripe's webhook events, applied once each: the event id goes into stripe_events in the same
// transaction as the plan change, so a replayed or re-delivered event finds it there and changes
// nothing. Events we cannot attribute are recorded and ignored (Stripe would otherwise retry them
// for days). A signed event is still checked for the fields we read: a malformed one is refused
// (400) before anything is recorded.
import type { Tx } from '@jobswipe/db';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { parse } from '../http/validate.ts';
import { exists, followSubscription, idOf, type PlanFollowed, setPlan } from './subscription-plan.ts';

/** `awaiting_payment`: a Checkout completed with its payment still clearing; the plan waits for it. */
export type WebhookOutcome = PlanFollowed | 'replayed' | 'awaiting_payment';

const Ref = z.union([z.string(), z.object({ id: z.string() })]).nullable();
const Metadata = z.record(z.string(), z.string()).nullable();

/** What a Checkout Session event must carry for us to read it. */
const SessionFields = z.object({
  mode: z.string(),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  client_reference_id: z.string().nullable(),
  metadata: Metadata,
  customer: Ref,
  subscription: Ref,
});

/** What a subscription event must carry for us to read it. */
const SubscriptionFields = z.object({
  id: z.string(),
  status: z.string(),
  customer: Ref,
  metadata: z.record(z.string(), z.string()),
  cancel_at_period_end: z.boolean().optional(),
  items: z.object({
    data: z.array(z.object({ price: z.object({ id: z.string() }), current_period_end: z.number() })),
  }),
});

const Envelope = z.object({ id: z.string().min(1), type: z.string().min(1), data: z.object({ object: z.object({}) }) });

/** Payment states in which a completed Checkout grants the plan (an async payment may still fail). */
const PAID = new Set(['paid', 'no_payment_required']);

const SESSION_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);
const SUBSCRIPTION_EVENTS = new Set(['customer.subscription.updated', 'customer.subscription.deleted']);

export async function applyStripeEvent(ctx: Pick<AppContext, 'db'>, event: Stripe.Event): Promise<WebhookOutcome> {
  parse(Envelope, event, 'body');
  // Checked before the transaction: a malformed event is refused, not recorded as seen.
  if (SESSION_EVENTS.has(event.type)) parse(z.object({ data: z.object({ object: SessionFields }) }), event, 'body');
  if (SUBSCRIPTION_EVENTS.has(event.type)) {
    parse(z.object({ data: z.object({ object: SubscriptionFields }) }), event, 'body');
  }
  return ctx.db.prisma.$transaction(async (tx) => {
    const recorded = await tx.stripeEvent.createMany({
      data: [{ id: event.id, type: event.type }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return 'replayed';
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
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
  const ids = { stripeCustomerId: idOf(session.customer), stripeSubscriptionId };
  if (!PAID.has(session.payment_status)) {
    // A bank debit still clearing: the subscription is noted (a status a subscription event already
    // set stays), the plan waits for checkout.session.async_payment_succeeded or the subscription
    // turning active.
    await tx.subscription.upsert({
      where: { userId },
      create: { userId, planId, status: 'incomplete', ...ids },
      update: ids,
    });
    return 'awaiting_payment';
  }
  const fields = { planId, status: 'active', ...ids };
  await tx.subscription.upsert({ where: { userId }, create: { userId, ...fields }, update: fields });
  await setPlan(tx, userId, planId, { stripeEventId: eventId });
  return 'applied';
}
