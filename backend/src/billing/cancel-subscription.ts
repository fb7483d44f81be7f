// A subscriber cancels, or calls a cancellation off. Stripe keeps the subscription to the end of
// the period already paid for and then ends it; its webhook event moves the user to Free
// (subscription-plan.ts). Until then nothing changes: the plan and its quota stay.
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { ENTITLED, followSubscription } from './subscription-plan.ts';

export async function setCancellation(
  ctx: Pick<AppContext, 'db' | 'log'>,
  stripe: Stripe,
  userId: string,
  cancel: boolean,
): Promise<void> {
  const live = await ctx.db.prisma.subscription.findUnique({ where: { userId } });
  if (!live?.stripeSubscriptionId || !ENTITLED.has(live.status)) {
    throw new AppError('conflict', 'You have no paid subscription to cancel or keep: you are on the Free plan.');
  }
  let updated: Stripe.Subscription;
  try {
    updated = await stripe.subscriptions.update(live.stripeSubscriptionId, { cancel_at_period_end: cancel });
  } catch (err) {
    ctx.log.error({ err, cancel }, 'Stripe subscription cancellation change failed');
    throw new AppError(
      'service_unavailable',
      'Stripe could not change your subscription. Nothing changed; try again in a minute.',
    );
  }
  await ctx.db.prisma.$transaction((tx) =>
    followSubscription(tx, updated, { deleted: false, cause: { stripeSubscriptionUpdate: updated.id } }),
  );
}
