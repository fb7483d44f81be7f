// A plan's price in Stripe: the configured price id, or else one priced from the plan's own
// figures. Plans hold prices in cents without a currency: they are priced in US dollars.
import type { Plan } from '@jobswipe/db';
import type Stripe from 'stripe';

const PRICE_CURRENCY = 'usd';

/** The monthly price a plan without a Stripe price id is charged at. */
export function priceData(plan: Plan) {
  return {
    currency: PRICE_CURRENCY,
    unit_amount: plan.priceCents,
    recurring: { interval: 'month' as const },
    product_data: { name: `JobSwipe ${plan.name}` },
  };
}

/** The price id to put a subscription on, creating the price when the plan has none in Stripe. */
export async function priceIdFor(stripe: Stripe, plan: Plan): Promise<string> {
  if (plan.stripePriceId) return plan.stripePriceId;
  const price = await stripe.prices.create(priceData(plan));
  return price.id;
}
