// Starting a subscription: a Stripe Checkout Session for the chosen plan. The plan changes only
// when Stripe's signed webhook says the payment went through (webhook.ts), never here.
import type { Plan, Subscription, User } from '@jobswipe/db';
import type { CheckoutBody } from '@jobswipe/protocol';
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { priceData } from './plan-price.ts';
import { ownPageUrl } from './return-url.ts';

export async function createCheckoutSession(
  ctx: Pick<AppContext, 'config' | 'log'>,
  stripe: Stripe,
  user: User & { subscription: Subscription | null },
  plan: Plan,
  body: CheckoutBody,
): Promise<string> {
  const metadata = { userId: user.id, planId: plan.id };
  const lineItem: Stripe.Checkout.SessionCreateParams.LineItem = plan.stripePriceId
    ? { price: plan.stripePriceId, quantity: 1 }
    : { quantity: 1, price_data: priceData(plan) };
  const customerId = user.subscription?.stripeCustomerId;
  const base = ctx.config.publicUrl;
  const success_url = ownPageUrl(
    ctx.config,
    'successUrl',
    body.successUrl,
    `${base}/plan?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
  );
  const cancel_url = ownPageUrl(ctx.config, 'cancelUrl', body.cancelUrl, `${base}/plan?checkout=cancelled`);
  try {
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [lineItem],
      client_reference_id: user.id,
      metadata,
      // Subscription events carry the user and plan too, whatever order they arrive in.
      subscription_data: { metadata },
      ...(customerId ? { customer: customerId } : { customer_email: user.email }),
      success_url,
      cancel_url,
    });
    if (!session.url) throw new Error(`checkout session ${session.id} has no url`);
    return session.url;
  } catch (err) {
    // Stripe's own message goes to the log for the operator; the user can only try again.
    ctx.log.error({ err, planId: plan.id }, 'Stripe checkout session failed');
    throw new AppError('service_unavailable', 'Stripe could not start the checkout. Try again in a minute.');
  }
}
