// A user picks a paid plan. Without a live subscription they pay for it on Stripe's Checkout page
// (checkout.ts); a subscriber's own subscription is moved to it instead (change-subscription.ts),
// so nobody ends up paying for two.
import type { CheckoutBody, CheckoutResponse } from '@jobswipe/protocol';
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { usageView } from '../plans/usage-view.ts';
import { changeSubscription } from './change-subscription.ts';
import { createCheckoutSession } from './checkout.ts';
import { requireStripe } from './stripe-client.ts';
import { ENTITLED } from './subscription-plan.ts';

export async function changePlan(
  ctx: Pick<AppContext, 'db' | 'config' | 'log'>,
  stripe: Stripe | null,
  userId: string,
  body: CheckoutBody,
): Promise<CheckoutResponse> {
  const client = requireStripe(stripe);
  const [user, plan] = await Promise.all([
    ctx.db.prisma.user.findUnique({ where: { id: userId }, include: { subscription: true } }),
    ctx.db.prisma.plan.findUnique({ where: { id: body.planId } }),
  ]);
  if (!user) throw notFound('User');
  if (!plan) throw notFound('Plan');
  if (user.planId === plan.id) throw new AppError('conflict', `You are already on the ${plan.name} plan.`);

  const live = user.subscription;
  if (live?.stripeSubscriptionId && ENTITLED.has(live.status)) {
    await changeSubscription(ctx, client, { userId, stripeSubscriptionId: live.stripeSubscriptionId }, plan);
    return { kind: 'changed', usage: await usageView(ctx.db.prisma, userId, ctx.config.UNDO_GRACE_MS) };
  }
  return { kind: 'checkout', url: await createCheckoutSession(ctx, client, user, plan, body) };
}
