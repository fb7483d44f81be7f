// Our own change to a subscriber's Stripe subscription (a plan switch, a cancellation or calling
// it off): made at Stripe first, then applied to the user's plan at once, the way the webhook
// applies Stripe's events (whose copy of it then changes nothing). A change Stripe refuses
// changes nothing here either.
import Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { followSubscription } from './subscription-plan.ts';

export async function updateSubscription(
  ctx: Pick<AppContext, 'db' | 'log'>,
  /** What is being changed, for the log. */
  change: Record<string, unknown>,
  atStripe: () => Promise<Stripe.Subscription>,
  /** The user's words for a declined card, where the change charges one. */
  declined?: (err: Stripe.errors.StripeCardError) => string,
): Promise<void> {
  let updated: Stripe.Subscription;
  try {
    updated = await atStripe();
  } catch (err) {
    if (declined && err instanceof Stripe.errors.StripeCardError) throw new AppError('payment_required', declined(err));
    ctx.log.error({ err, ...change }, 'Stripe subscription change failed');
    throw new AppError(
      'service_unavailable',
      'Stripe could not change your subscription. Nothing changed; try again in a minute.',
    );
  }
  await ctx.db.prisma.$transaction((tx) =>
    followSubscription(tx, updated, { deleted: false, cause: { stripeSubscriptionUpdate: updated.id } }),
  );
}
