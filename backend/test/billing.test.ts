import type { CheckoutResponse, ErrorBody, PortalResponse, UsageView } from '@jobswipe/protocol';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signUp } from './support/api.ts';
import { startTestBackend, type TestBackend } from './support/backend.ts';
import { createJobs } from './support/factories.ts';
import {
  type CheckoutSession,
  checkoutCompletedEvent,
  eventAbout,
  type StripeStandIn,
  startStripeStandIn,
  subscriptionEvent,
} from './support/stripe-stand-in.ts';

const WEBHOOK_SECRET = `whsec_${crypto.randomUUID().replaceAll('-', '')}`;

let stripe: StripeStandIn;
let backend: TestBackend;

beforeAll(async () => {
  stripe = await startStripeStandIn();
  backend = await startTestBackend({
    AUTH_RATE_LIMIT: '1000',
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
});
afterAll(async () => {
  await backend.close();
  await stripe.close();
});

const prisma = () => backend.node.ctx.db.prisma;

async function checkout(api: Api, planId: string): Promise<CheckoutSession> {
  const res = await api.post<CheckoutResponse>('/v1/billing/checkout', { planId });
  expect(res.status).toBe(200);
  const created = stripe.sessions.at(-1)!.session;
  expect(res.body).toEqual({ kind: 'checkout', url: created.url });
  return created;
}

function deliver(event: object, options: { secret?: string; header?: string | null; payload?: string } = {}) {
  const payload = options.payload ?? JSON.stringify(event);
  const header =
    options.header === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET })
      : options.header;
  return backend.api.request<ErrorBody & { outcome: string }>('POST', '/v1/billing/webhook', undefined, {
    raw: payload,
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'stripe-signature': header }) },
  });
}

const planOf = async (userId: string) => (await prisma().user.findUniqueOrThrow({ where: { id: userId } })).planId;
const planChanges = (userId: string) => prisma().auditLog.count({ where: { userId, action: 'plan_changed' } });

/** A user who paid for `planId` on Stripe's page, and the subscription Stripe now holds for them. */
async function subscriberOf(planId: string, customer: string) {
  const me = await signUp(backend.api);
  expect((await deliver(stripe.complete(await checkout(me.api, planId), customer))).body.outcome).toBe('applied');
  const sub = [...stripe.subscriptions.values()].find((s) => s.customer === customer)!;
  return { me, sub };
}

describe('checkout', () => {
  it("creates a subscription Checkout Session for the plan's price, tied to the user, without changing the plan yet", async () => {
    const me = await signUp(backend.api);
    const session = await checkout(me.api, 'pro');
    const { params } = stripe.sessions.at(-1)!;
    expect(params).toMatchObject({
      mode: 'subscription',
      client_reference_id: me.user.id,
      customer_email: me.user.email,
      metadata: { userId: me.user.id, planId: 'pro' },
      subscription_data: { metadata: { userId: me.user.id, planId: 'pro' } },
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'usd',
            unit_amount: '2900',
            recurring: { interval: 'month' },
            product_data: { name: 'JobSwipe Pro' },
          },
        },
      ],
    });
    expect(session.success_url).toMatch(/checkout=success&session_id=\{CHECKOUT_SESSION_ID\}$/);
    expect(await planOf(me.user.id)).toBe('free');
  });

  it("uses the plan's Stripe price when it has one", async () => {
    stripe.prices.add('price_premium_monthly');
    await prisma().plan.update({ where: { id: 'premium' }, data: { stripePriceId: 'price_premium_monthly' } });
    const me = await signUp(backend.api);
    await checkout(me.api, 'premium');
    expect(stripe.sessions.at(-1)!.params.line_items).toEqual([{ price: 'price_premium_monthly', quantity: '1' }]);
  });

  it('answers 503 with a clear message when Stripe refuses the session', async () => {
    await prisma().plan.update({ where: { id: 'basic' }, data: { stripePriceId: 'price_deleted_in_stripe' } });
    const me = await signUp(backend.api);
    const sessionsBefore = stripe.sessions.length;
    const res = await me.api.post<ErrorBody>('/v1/billing/checkout', { planId: 'basic' });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'service_unavailable', message: expect.stringMatching(/Stripe/) });
    expect(stripe.sessions.length).toBe(sessionsBefore);
    await prisma().plan.update({ where: { id: 'basic' }, data: { stripePriceId: null } });
  });

  it('refuses an unknown or free plan and unauthenticated callers', async () => {
    const me = await signUp(backend.api);
    const sessionsBefore = stripe.sessions.length;
    const unknown = await me.api.post<ErrorBody>('/v1/billing/checkout', { planId: 'gold' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/planId/);
    expect((await me.api.post('/v1/billing/checkout', { planId: 'free' })).status).toBe(400);
    expect((await me.api.post('/v1/billing/checkout', { planId: 'pro', successUrl: 'not a url' })).status).toBe(400);
    expect((await backend.api.post('/v1/billing/checkout', { planId: 'pro' })).status).toBe(401);
    expect(stripe.sessions.length).toBe(sessionsBefore);
  });

  it('sends the user back only to pages of this site after Checkout', async () => {
    const me = await signUp(backend.api);
    const sessionsBefore = stripe.sessions.length;
    for (const field of ['successUrl', 'cancelUrl']) {
      for (const url of ['https://evil.example/plan', `${backend.node.url}.evil.example/plan`, 'javascript:alert(1)']) {
        const res = await me.api.post<ErrorBody>('/v1/billing/checkout', { planId: 'pro', [field]: url });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
      }
    }
    expect(stripe.sessions.length).toBe(sessionsBefore);
    const back = `${backend.node.url}/plan`;
    const ok = await me.api.post('/v1/billing/checkout', { planId: 'pro', successUrl: back, cancelUrl: back });
    expect(ok.status).toBe(200);
    expect(stripe.sessions.at(-1)!.session).toMatchObject({ success_url: back, cancel_url: back });
  });
});

describe('webhook', () => {
  it('changes the plan exactly once when the payment completes, whatever is replayed or forged', async () => {
    const me = await signUp(backend.api);
    const session = await checkout(me.api, 'pro');
    const event = checkoutCompletedEvent(session, { customer: 'cus_ada', subscription: 'sub_ada' });

    const forged = await deliver(event, { secret: 'whsec_someone_else' });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/Stripe-Signature/);
    const unsigned = await deliver(event, { header: null });
    expect(unsigned.status).toBe(400);
    const header = Stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret: WEBHOOK_SECRET });
    const tampered = await deliver(event, {
      header,
      payload: JSON.stringify({
        ...event,
        data: { object: { ...event.data.object, metadata: { planId: 'enterprise' } } },
      }),
    });
    expect(tampered.status).toBe(400);
    const oversized = await deliver({ ...event, padding: 'x'.repeat(1024 * 1024) });
    expect(oversized.status).toBe(413);
    expect(await planOf(me.user.id)).toBe('free');
    expect(await prisma().stripeEvent.count({ where: { id: event.id } })).toBe(0);

    const first = await deliver(event);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe('applied');
    expect(await planOf(me.user.id)).toBe('pro');
    expect(await prisma().subscription.findUnique({ where: { userId: me.user.id } })).toMatchObject({
      planId: 'pro',
      status: 'active',
      stripeCustomerId: 'cus_ada',
      stripeSubscriptionId: 'sub_ada',
    });

    const replays = await Promise.all([deliver(event), deliver(event)]);
    expect(replays.map((r) => [r.status, r.body.outcome])).toEqual([
      [200, 'replayed'],
      [200, 'replayed'],
    ]);
    expect(await planChanges(me.user.id)).toBe(1);
    expect((await me.api.get<UsageView>('/v1/plan')).body.plan.id).toBe('pro');

    const again = await me.api.post<ErrorBody>('/v1/billing/checkout', { planId: 'pro' });
    expect(again.status).toBe(409);
  });

  it('grants the plan only once the payment went through, not when Checkout completes unpaid', async () => {
    const me = await signUp(backend.api);
    const session = await checkout(me.api, 'pro');
    const completed = stripe.complete(session, 'cus_debit');
    const unpaid = { ...completed, data: { object: { ...completed.data.object, payment_status: 'unpaid' } } };
    const first = await deliver(unpaid);
    expect([first.status, first.body.outcome]).toEqual([200, 'awaiting_payment']);
    expect(await planOf(me.user.id)).toBe('free');
    expect(await prisma().subscription.findUnique({ where: { userId: me.user.id } })).toMatchObject({
      status: 'incomplete',
      stripeCustomerId: 'cus_debit',
    });

    const succeeded = {
      ...unpaid,
      id: `${unpaid.id}_paid`,
      type: 'checkout.session.async_payment_succeeded',
      data: { object: { ...unpaid.data.object, payment_status: 'paid' } },
    };
    expect((await deliver(succeeded)).body.outcome).toBe('applied');
    expect(await planOf(me.user.id)).toBe('pro');
  });

  it('refuses signed events that are malformed or dated in the future, recording nothing', async () => {
    const me = await signUp(backend.api);
    const event = checkoutCompletedEvent(await checkout(me.api, 'pro'), {
      customer: 'cus_odd',
      subscription: 'sub_odd',
    });
    const object = event.data.object as Record<string, unknown>;
    const malformed = [
      { ...event, data: { object: { ...object, payment_status: undefined } } },
      { ...event, data: { object: { ...object, metadata: 'pro' } } },
      { ...event, data: null },
      { ...event, id: 42 },
      {
        ...subscriptionEvent('customer.subscription.updated', {
          id: 'sub_odd',
          customer: 'cus_odd',
          status: 'active',
          priceId: 'price_x',
          metadata: { userId: me.user.id, planId: 'pro' },
        }),
        id: event.id,
        data: { object: { id: 'sub_odd', status: 'active', items: 'none' } },
      },
    ];
    for (const bad of malformed) {
      const res = await deliver(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const notJson = await deliver(event, { payload: '{"id": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('malformed_json');

    const payload = JSON.stringify(event);
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const future = await deliver(event, {
      header: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: inAnHour }),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/in the future/);
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    const stale = await deliver(event, {
      header: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: anHourAgo }),
    });
    expect(stale.status).toBe(400);

    expect(await prisma().stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await planOf(me.user.id)).toBe('free');
    expect((await deliver(event)).body.outcome).toBe('applied');
  });

  it('an upgrade lets applications that waited for quota go at once', async () => {
    const me = await signUp(backend.api);
    await prisma().user.update({ where: { id: me.user.id }, data: { executionPreference: 'server_only' } });
    const jobs = await createJobs(prisma(), 4);
    for (const job of jobs) await me.api.post('/v1/swipes', { jobId: job.id, direction: 'right' });
    const waiting = () =>
      prisma().application.count({ where: { userId: me.user.id, status: { in: ['SCHEDULED', 'WAITING_QUOTA'] } } });
    expect(await waiting()).toBe(1);
    const session = await checkout(me.api, 'pro');
    expect(
      (await deliver(checkoutCompletedEvent(session, { customer: 'cus_up', subscription: 'sub_up' }))).status,
    ).toBe(200);
    await backend.node.recovery.tick();
    expect(await waiting()).toBe(0);
    expect(await prisma().application.count({ where: { userId: me.user.id, status: 'QUEUED', lane: 'server' } })).toBe(
      4,
    );
  });

  it('follows the subscription: a price change moves the plan, a failed payment keeps it, cancellation ends it', async () => {
    stripe.prices.add('price_premium_monthly');
    await prisma().plan.update({ where: { id: 'premium' }, data: { stripePriceId: 'price_premium_monthly' } });
    const me = await signUp(backend.api);
    const session = await checkout(me.api, 'pro');
    await deliver(checkoutCompletedEvent(session, { customer: 'cus_bob', subscription: 'sub_bob' }));
    const sub = { id: 'sub_bob', customer: 'cus_bob', metadata: { userId: me.user.id, planId: 'pro' } };
    const onPremium = (type: Parameters<typeof subscriptionEvent>[0], status: string) =>
      subscriptionEvent(type, { ...sub, status, priceId: 'price_premium_monthly' });

    await deliver(onPremium('customer.subscription.updated', 'active'));
    expect(await planOf(me.user.id)).toBe('premium');

    await deliver(onPremium('customer.subscription.updated', 'past_due'));
    expect(await planOf(me.user.id)).toBe('premium');
    const pastDue = await prisma().subscription.findUniqueOrThrow({ where: { userId: me.user.id } });
    expect(pastDue.status).toBe('past_due');
    expect(pastDue.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now());

    const cancelled = onPremium('customer.subscription.deleted', 'canceled');
    expect((await deliver(cancelled)).status).toBe(200);
    expect(await planOf(me.user.id)).toBe('free');
    expect((await deliver(cancelled)).body.outcome).toBe('replayed');
    expect(await planChanges(me.user.id)).toBe(3);
  });

  it('records events it cannot attribute and answers 200, so Stripe stops retrying', async () => {
    const stranger = subscriptionEvent('customer.subscription.updated', {
      id: 'sub_unknown',
      customer: 'cus_unknown',
      status: 'active',
      priceId: 'price_unknown',
      metadata: { userId: 'not-a-user' },
    });
    const res = await deliver(stranger);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('ignored');
    expect(await prisma().stripeEvent.count({ where: { id: stranger.id } })).toBe(1);
  });
});

describe('changing plans', () => {
  it("moves a subscriber's one subscription to the new plan at once, charged pro rata: never a second subscription", async () => {
    const { me, sub } = await subscriberOf('pro', 'cus_carol');
    const sessionsBefore = stripe.sessions.length;

    const up = await me.api.post<CheckoutResponse>('/v1/billing/checkout', { planId: 'premium' });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ kind: 'changed', usage: { plan: { id: 'premium' } } });
    expect(await planOf(me.user.id)).toBe('premium');
    expect(stripe.updates.at(-1)).toMatchObject({
      id: sub.id,
      params: {
        items: [{ id: sub.items.data[0]!.id }],
        proration_behavior: 'always_invoice',
        payment_behavior: 'error_if_incomplete',
        metadata: { userId: me.user.id, planId: 'premium' },
      },
    });

    // Stripe's own event about that change arrives afterwards and changes nothing more.
    const echo = eventAbout('customer.subscription.updated', sub);
    expect((await deliver(echo)).body.outcome).toBe('applied');
    expect(await planOf(me.user.id)).toBe('premium');
    expect(await planChanges(me.user.id)).toBe(2);

    const down = await me.api.post<CheckoutResponse>('/v1/billing/checkout', { planId: 'basic' });
    expect(down.body).toMatchObject({ kind: 'changed', usage: { plan: { id: 'basic' } } });
    expect(stripe.sessions.length).toBe(sessionsBefore);
    expect([...stripe.subscriptions.values()].filter((s) => s.customer === 'cus_carol')).toHaveLength(1);
    expect(await prisma().subscription.findUniqueOrThrow({ where: { userId: me.user.id } })).toMatchObject({
      planId: 'basic',
      stripeSubscriptionId: sub.id,
    });
  });

  it('keeps the plan as it was when the card is declined, and says so', async () => {
    const { me, sub } = await subscriberOf('pro', 'cus_dan');
    stripe.declining.add('cus_dan');
    const updatesBefore = stripe.updates.length;

    const res = await me.api.post<ErrorBody>('/v1/billing/checkout', { planId: 'enterprise' });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      code: 'payment_required',
      message: expect.stringMatching(/card was declined.*Nothing was charged/),
    });
    expect(await planOf(me.user.id)).toBe('pro');
    expect(await planChanges(me.user.id)).toBe(1);
    expect(stripe.updates.length).toBe(updatesBefore);
    expect(stripe.subscriptions.get(sub.id)!.metadata.planId).toBe('pro');
  });
});

describe('cancelling', () => {
  it('keeps the paid plan to the end of the period, can be called off, and ends on Free when Stripe ends it', async () => {
    const { me, sub } = await subscriberOf('pro', 'cus_erin');

    const cancelled = await me.api.delete<UsageView>('/v1/billing/subscription');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      plan: { id: 'pro' },
      subscription: { status: 'active', cancelAtPeriodEnd: true, currentPeriodEnd: expect.any(String) },
    });
    expect(stripe.subscriptions.get(sub.id)!.cancel_at_period_end).toBe(true);
    expect(await planOf(me.user.id)).toBe('pro');

    const kept = await me.api.post<UsageView>('/v1/billing/subscription/resume');
    expect(kept.body.subscription).toMatchObject({ cancelAtPeriodEnd: false });
    expect(stripe.subscriptions.get(sub.id)!.cancel_at_period_end).toBe(false);

    await me.api.delete('/v1/billing/subscription');
    // The period is over: Stripe ends the subscription and says so.
    const ended = eventAbout('customer.subscription.deleted', sub, 'canceled');
    expect((await deliver(ended)).body.outcome).toBe('applied');
    const after = await me.api.get<UsageView>('/v1/plan');
    expect(after.body).toMatchObject({ plan: { id: 'free' }, subscription: { status: 'canceled' } });

    const again = await me.api.delete<ErrorBody>('/v1/billing/subscription');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/no paid subscription/);
  });

  it('a plan change calls off a pending cancellation', async () => {
    const { me, sub } = await subscriberOf('pro', 'cus_fay');
    await me.api.delete('/v1/billing/subscription');
    const res = await me.api.post<CheckoutResponse>('/v1/billing/checkout', { planId: 'premium' });
    expect(res.body).toMatchObject({
      kind: 'changed',
      usage: { plan: { id: 'premium' }, subscription: { cancelAtPeriodEnd: false } },
    });
    expect(stripe.subscriptions.get(sub.id)!.cancel_at_period_end).toBe(false);
  });

  it('answers 409 to a user who never subscribed', async () => {
    const me = await signUp(backend.api);
    expect((await me.api.delete('/v1/billing/subscription')).status).toBe(409);
    expect((await me.api.post('/v1/billing/subscription/resume')).status).toBe(409);
  });
});

describe('the customer portal', () => {
  it("opens Stripe's portal for the caller's own customer, coming back to the plan page", async () => {
    const { me } = await subscriberOf('basic', 'cus_gil');
    const res = await me.api.post<PortalResponse>('/v1/billing/portal', {});
    expect(res.status).toBe(200);
    const session = stripe.portalSessions.at(-1)!;
    expect(res.body).toEqual({ url: session.url });
    expect(session).toMatchObject({ customer: 'cus_gil', return_url: expect.stringMatching(/\/plan$/) });

    const stranger = await signUp(backend.api);
    const refused = await stranger.api.post<ErrorBody>('/v1/billing/portal', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/never paid/);
    expect((await me.api.post('/v1/billing/portal', { returnUrl: 'not a url' })).status).toBe(400);
    const portals = stripe.portalSessions.length;
    const elsewhere = await me.api.post<ErrorBody>('/v1/billing/portal', { returnUrl: 'https://evil.example/plan' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toMatch(/returnUrl: must be a page of this site/);
    expect(stripe.portalSessions.length).toBe(portals);
    const own = await me.api.post('/v1/billing/portal', { returnUrl: `${backend.node.url}/plan?from=portal` });
    expect(own.status).toBe(200);
    expect(stripe.portalSessions.at(-1)!.return_url).toBe(`${backend.node.url}/plan?from=portal`);
  });
});

describe('without Stripe configured', () => {
  it('answers checkout, cancellation and webhook with 503 saying what is missing', async () => {
    const bare = await startTestBackend();
    try {
      const me = await signUp(bare.api);
      const res = await me.api.post<ErrorBody>('/v1/billing/checkout', { planId: 'pro' });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toMatch(/STRIPE_SECRET_KEY/);
      const cancel = await me.api.delete<ErrorBody>('/v1/billing/subscription');
      expect(cancel.status).toBe(503);
      expect(cancel.body.error.message).toMatch(/STRIPE_SECRET_KEY/);
      const hook = await bare.api.request<ErrorBody>('POST', '/v1/billing/webhook', undefined, { raw: '{}' });
      expect(hook.status).toBe(503);
      expect(hook.body.error.message).toMatch(/STRIPE_WEBHOOK_SECRET/);
    } finally {
      await bare.close();
    }
  });
});
