// Stripe's customer portal, where a subscriber changes their card and reads their invoices: a
// session for the caller's own Stripe customer, returning to the plan page.
import type Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { ownPageUrl } from './return-url.ts';

export async function createPortalSession(
  ctx: Pick<AppContext, 'db' | 'config' | 'log'>,
  stripe: Stripe,
  userId: string,
  returnUrl: string | undefined,
): Promise<string> {
  const return_url = ownPageUrl(ctx.config, 'returnUrl', returnUrl, `${ctx.config.publicUrl}/plan`);
  const subscription = await ctx.db.prisma.subscription.findUnique({ where: { userId } });
  if (!subscription?.stripeCustomerId) {
    throw new AppError('conflict', 'You have never paid through Stripe: there are no cards or invoices to manage.');
  }
  try {
    const session = await stripe.billingPortal.sessions.create({
      customer: subscription.stripeCustomerId,
      return_url,
    });
    return session.url;
  } catch (err) {
    ctx.log.error({ err }, 'Stripe customer portal session failed');
    throw new AppError('service_unavailable', 'Stripe could not open your billing page. Try again in a minute.');
  }
}
