// A subscriber moves to another paid plan: their one subscription is put on the plan's price and
// the difference invoiced (or credited) pro rata at once. Stripe charges that invoice before it
// answers (error_if_incomplete), so a declined card changes nothing.
import type { Plan } from '@jobswipe/db';
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { priceIdFor } from './plan-price.ts';
import { updateSubscription } from './update-subscription.ts';

export async function changeSubscription(
  ctx: Pick<AppContext, 'db' | 'log'>,
  stripe: Stripe,
  live: { userId: string; stripeSubscriptionId: string },
  plan: Plan,
): Promise<void> {
  await updateSubscription(
    ctx,
    { planId: plan.id },
    async () => {
      const current = await stripe.subscriptions.retrieve(live.stripeSubscriptionId);
      const item = current.items.data[0];
      if (!item) throw new Error(`subscription ${current.id} has no item to change`);
      return stripe.subscriptions.update(current.id, {
        items: [{ id: item.id, price: await priceIdFor(stripe, plan) }],
        proration_behavior: 'always_invoice',
        payment_behavior: 'error_if_incomplete',
        // Choosing a plan keeps the subscription: a cancellation still pending is called off.
        cancel_at_period_end: false,
        metadata: { userId: live.userId, planId: plan.id },
      });
    },
    (err) =>
      `Your card was declined for the change to ${plan.name} (${err.message}). Nothing was charged and your plan is as it was.`,
  );
}
