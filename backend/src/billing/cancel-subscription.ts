// A subscriber cancels, or calls a cancellation off. Stripe keeps the subscription to the end of
// the period already paid for and then ends it; its webhook event moves the user to Free
// (subscription-plan.ts). Until then nothing changes: the plan and its quota stay.
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { ENTITLED } from './subscription-plan.ts';
import { updateSubscription } from './update-subscription.ts';

export async function setCancellation(
  ctx: Pick<AppContext, 'db' | 'log'>,
  stripe: Stripe,
  userId: string,
  cancel: boolean,
): Promise<void> {
  const live = await ctx.db.prisma.subscription.findUnique({ where: { userId } });
  const id = live?.stripeSubscriptionId;
  if (!live || !id || !ENTITLED.has(live.status)) {
    throw new AppError('conflict', 'You have no paid subscription to cancel or keep: you are on the Free plan.');
  }
  await updateSubscription(ctx, { cancel }, () => stripe.subscriptions.update(id, { cancel_at_period_end: cancel }));
}
