// For the signed-in user: POST /v1/billing/checkout, POST /v1/billing/portal (cards and invoices),
// DELETE /v1/billing/subscription (cancel at the period's end) and POST
// /v1/billing/subscription/resume (call that off). For Stripe: POST /v1/billing/webhook, verified
// by signature over the raw body (mounted before the JSON parser).
import {
  CheckoutBody,
  type CheckoutResponse,
  PortalBody,
  type PortalResponse,
  type UsageView,
} from '@jobswipe/protocol';
import express, { type Request, type Response, Router } from 'express';
import Stripe from 'stripe';
import { caller } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { usageView } from '../plans/usage-view.ts';
import { createPortalSession } from './billing-portal.ts';
import { setCancellation } from './cancel-subscription.ts';
import { changePlan } from './change-plan.ts';
import { createStripeClient, requireStripe } from './stripe-client.ts';
import { applyStripeEvent } from './webhook.ts';

export function billingRoutes(ctx: AppContext): Router {
  const router = Router();
  const stripe = createStripeClient(ctx.config);
  router.post('/billing/checkout', async (req, res) => {
    const body = parse(CheckoutBody, req.body, 'body');
    const answer: CheckoutResponse = await changePlan(ctx, stripe, caller(req).userId, body);
    res.json(answer);
  });
  const cancellation = (cancel: boolean) => async (req: Request, res: Response) => {
    const { userId } = caller(req);
    await setCancellation(ctx, requireStripe(stripe), userId, cancel);
    const answer: UsageView = await usageView(ctx.db.prisma, userId);
    res.json(answer);
  };
  router.post('/billing/portal', async (req, res) => {
    const body = parse(PortalBody, req.body, 'body');
    const url = await createPortalSession(ctx, requireStripe(stripe), caller(req).userId, body.returnUrl);
    const answer: PortalResponse = { url };
    res.json(answer);
  });
  router.delete('/billing/subscription', cancellation(true));
  router.post('/billing/subscription/resume', cancellation(false));
  return router;
}

export function stripeWebhookRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/billing/webhook', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const secret = ctx.config.STRIPE_WEBHOOK_SECRET;
    if (!secret) {
      throw new AppError(
        'service_unavailable',
        'Stripe webhooks are not set up on this server (STRIPE_WEBHOOK_SECRET is not set).',
      );
    }
    const signature = req.get('stripe-signature');
    if (!signature) {
      throw new AppError(
        'validation_failed',
        'Missing the Stripe-Signature header: only Stripe may call this endpoint.',
      );
    }
    const event = verifiedEvent(ctx, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), signature, secret);
    const outcome = await applyStripeEvent(ctx, event);
    ctx.log.info({ stripeEventId: event.id, type: event.type, outcome }, 'Stripe webhook');
    res.json({ received: true, outcome });
  });
  return router;
}

/** How far a signature's timestamp may be from our clock, either way (Stripe's default tolerance). */
const TOLERANCE_S = Stripe.webhooks.DEFAULT_TOLERANCE;

/**
 * The event Stripe signed. Stripe's SDK refuses a timestamp too far in the past only; one too far
 * in the future would let a captured request be replayed for as long as its timestamp is ahead.
 */
function verifiedEvent(ctx: AppContext, payload: Buffer, signature: string, secret: string): Stripe.Event {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, secret, TOLERANCE_S);
  } catch (err) {
    if (err instanceof SyntaxError) {
      throw new AppError('malformed_json', 'The signed webhook payload is not JSON: nothing was applied.');
    }
    ctx.log.warn({ err: (err as Error).message }, 'Stripe webhook signature refused');
    throw new AppError(
      'validation_failed',
      'The Stripe-Signature header does not match this payload (or is too old). Check STRIPE_WEBHOOK_SECRET.',
    );
  }
  const signedAt = Number(/(?:^|,)t=(\d+)(?:,|$)/.exec(signature)?.[1]);
  if (signedAt - Date.now() / 1000 > TOLERANCE_S) {
    throw new AppError(
      'validation_failed',
      `The Stripe-Signature timestamp is more than ${TOLERANCE_S} s in the future: check the clock of the sender.`,
    );
  }
  return event;
}
