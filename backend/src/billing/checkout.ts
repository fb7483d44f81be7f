// Starting a subscription: a Stripe Checkout Session for the chosen plan. The plan changes only
// when Stripe's signed webhook says the payment went through (webhook.ts), never here.
import type { CheckoutBody } from '@jobswipe/protocol';
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';

/** Plans hold prices in cents without a currency: they are priced in US dollars. */
const PRICE_CURRENCY = 'usd';

export async function createCheckoutSession(
  ctx: Pick<AppContext, 'db' | 'config' | 'log'>,
  stripe: Stripe | null,
  userId: string,
  body: CheckoutBody,
): Promise<string> {
  if (!stripe) {
    throw new AppError(
      'service_unavailable',
      'Payments are not set up on this server (STRIPE_SECRET_KEY is not set). Ask its operator to configure Stripe.',
    );
  }
  const [user, plan] = await Promise.all([
    ctx.db.prisma.user.findUnique({ where: { id: userId }, include: { subscription: true } }),
    ctx.db.prisma.plan.findUnique({ where: { id: body.planId } }),
  ]);
  if (!user) throw notFound('User');
  if (!plan) throw notFound('Plan');
  if (user.planId === plan.id) throw new AppError('conflict', `You are already on the ${plan.name} plan.`);

  const metadata = { userId, planId: plan.id };
  const lineItem: Stripe.Checkout.SessionCreateParams.LineItem = plan.stripePriceId
    ? { price: plan.stripePriceId, quantity: 1 }
    : {
        quantity: 1,
        price_data: {
          currency: PRICE_CURRENCY,
          unit_amount: plan.priceCents,
          recurring: { interval: 'month' },
          product_data: { name: `JobSwipe ${plan.name}` },
        },
      };
  const customerId = user.subscription?.stripeCustomerId;
  try {
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [lineItem],
      client_reference_id: userId,
      metadata,
      // Subscription events carry the user and plan too, whatever order they arrive in.
      subscription_data: { metadata },
      ...(customerId ? { customer: customerId } : { customer_email: user.email }),
      success_url: body.successUrl ?? `${ctx.config.publicUrl}/plan?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: body.cancelUrl ?? `${ctx.config.publicUrl}/plan?checkout=cancelled`,
    });
    if (!session.url) throw new Error(`checkout session ${session.id} has no url`);
    return session.url;
  } catch (err) {
    // Stripe's own message goes to the log for the operator; the user can only try again.
    ctx.log.error({ err, planId: plan.id }, 'Stripe checkout session failed');
    throw new AppError('service_unavailable', 'Stripe could not start the checkout. Try again in a minute.');
  }
}
