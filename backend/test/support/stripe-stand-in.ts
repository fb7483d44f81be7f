// A STAND-IN FOR STRIPE'S API, which cannot be reached from here: a local HTTP server answering
// the calls the backend makes the way api.stripe.com does (form-encoded parameters, Bearer secret
// key, Stripe's objects and errors): POST /v1/checkout/sessions, POST /v1/prices, GET/POST
// /v1/subscriptions/:id and POST /v1/billing_portal/sessions. The backend's real `stripe` SDK
// talks to it through STRIPE_API_BASE. It also completes a checkout (what the user paying on
// Stripe's page does) and builds the events Stripe would send to the webhook.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export interface CheckoutSession {
  id: string;
  object: 'checkout.session';
  url: string;
  mode: string;
  status: 'open' | 'complete';
  client_reference_id: string | null;
  customer: string | null;
  customer_email: string | null;
  subscription: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  created: number;
  livemode: false;
}

export interface Subscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  metadata: Record<string, string>;
  items: { object: 'list'; data: SubscriptionItem[] };
}

interface SubscriptionItem {
  id: string;
  object: 'subscription_item';
  price: { id: string; object: 'price' };
  quantity: number;
  current_period_start: number;
  current_period_end: number;
}

export interface StripeStandIn {
  url: string;
  secretKey: string;
  /** Price ids that exist in this Stripe account; any other is "No such price", as in Stripe. */
  prices: Set<string>;
  /** Every checkout session created, with the parameters the SDK sent. */
  sessions: { session: CheckoutSession; params: FormObject }[];
  /** Subscriptions by id, and the parameters of every update the SDK sent. */
  subscriptions: Map<string, Subscription>;
  updates: { id: string; params: FormObject }[];
  /** Every customer-portal session created. */
  portalSessions: { id: string; customer: FormValue; return_url: FormValue | null; url: string }[];
  /** Customers whose card is declined from now on (Stripe's card_declined). */
  declining: Set<string>;
  /** The user paid on the session's page: its subscription now exists; returns the event Stripe sends. */
  complete(session: CheckoutSession, customer: string): ReturnType<typeof checkoutCompletedEvent>;
  close(): Promise<void>;
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const secretKey = `sk_test_${randomBytes(12).toString('hex')}`;
  const sessions: StripeStandIn['sessions'] = [];
  const prices = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => reply(res, 500, stripeError('api_error', err.message)));
  });

  const subscriptions = new Map<string, Subscription>();
  const updates: StripeStandIn['updates'] = [];
  const declining = new Set<string>();
  const portalSessions: StripeStandIn['portalSessions'] = [];
  const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return reply(res, 401, stripeError('invalid_request_error', 'Invalid API Key provided.'));
    }
    const params = parseForm(await readBody(req));
    const subscription = req.url?.match(/^\/v1\/subscriptions\/([\w-]+)$/)?.[1];
    if (req.method === 'POST' && req.url === '/v1/checkout/sessions') return createSession(res, params);
    if (req.method === 'POST' && req.url === '/v1/prices') return createPrice(res, params);
    if (req.method === 'POST' && req.url === '/v1/billing_portal/sessions') return createPortalSession(res, params);
    if (subscription && (req.method === 'GET' || req.method === 'POST')) {
      const sub = subscriptions.get(subscription);
      if (!sub) {
        return reply(res, 404, stripeError('invalid_request_error', `No such subscription: '${subscription}'`, 'id'));
      }
      return req.method === 'GET' ? reply(res, 200, sub) : update(res, sub, params);
    }
    reply(res, 404, stripeError('invalid_request_error', `Unrecognized request URL (${req.method}: ${req.url}).`));
  }

  function createSession(res: ServerResponse, params: FormObject) {
    const missing = checkoutParamError(params, prices);
    if (missing) return reply(res, 400, stripeError('invalid_request_error', missing.message, missing.param));
    const id = `cs_test_${randomBytes(16).toString('hex')}`;
    const metadata = (params.metadata ?? {}) as Record<string, string>;
    const session: CheckoutSession = {
      id,
      object: 'checkout.session',
      url: `https://checkout.stripe.com/c/pay/${id}`,
      mode: params.mode as string,
      status: 'open',
      client_reference_id: (params.client_reference_id as string | undefined) ?? null,
      customer: (params.customer as string | undefined) ?? null,
      customer_email: (params.customer_email as string | undefined) ?? null,
      subscription: null,
      metadata,
      success_url: params.success_url as string,
      cancel_url: (params.cancel_url as string | undefined) ?? null,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    };
    sessions.push({ session, params });
    reply(res, 200, session);
  }

  function createPortalSession(res: ServerResponse, params: FormObject) {
    if (!params.customer) {
      return reply(res, 400, stripeError('invalid_request_error', 'Missing required param: customer.', 'customer'));
    }
    const id = newId('bps');
    const session = {
      id,
      object: 'billing_portal.session',
      customer: params.customer,
      return_url: params.return_url ?? null,
      url: `https://billing.stripe.com/p/session/${id}`,
    };
    portalSessions.push(session);
    reply(res, 200, session);
  }

  function createPrice(res: ServerResponse, params: FormObject) {
    for (const param of ['currency', 'unit_amount']) {
      if (params[param] === undefined) {
        return reply(res, 400, stripeError('invalid_request_error', `Missing required param: ${param}.`, param));
      }
    }
    if (!params.product && !params.product_data) {
      return reply(
        res,
        400,
        stripeError('invalid_request_error', 'You must specify either `product` or `product_data`.'),
      );
    }
    const id = newId('price');
    prices.add(id);
    reply(res, 200, { id, object: 'price', currency: params.currency, unit_amount: Number(params.unit_amount) });
  }

  function update(res: ServerResponse, sub: Subscription, params: FormObject) {
    const { id } = sub;
    const items = (params.items ?? []) as FormObject[];
    for (const [i, item] of items.entries()) {
      const price = item.price as string | undefined;
      if (!sub.items.data.some((s) => s.id === item.id)) {
        return reply(
          res,
          400,
          stripeError('invalid_request_error', `No such subscription item: '${item.id}'`, `items[${i}][id]`),
        );
      }
      if (price && !prices.has(price)) {
        return reply(res, 400, stripeError('invalid_request_error', `No such price: '${price}'`, `items[${i}][price]`));
      }
    }
    // error_if_incomplete: the prorated invoice is paid now, or the update is refused and nothing changes.
    if (params.payment_behavior === 'error_if_incomplete' && declining.has(sub.customer)) {
      return reply(res, 402, {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
        },
      });
    }
    updates.push({ id, params });
    for (const item of items) {
      const target = sub.items.data.find((s) => s.id === item.id)!;
      if (typeof item.price === 'string') target.price = { id: item.price, object: 'price' };
    }
    if (params.metadata) sub.metadata = { ...sub.metadata, ...(params.metadata as Record<string, string>) };
    if (params.cancel_at_period_end !== undefined) sub.cancel_at_period_end = params.cancel_at_period_end === 'true';
    reply(res, 200, sub);
  }

  /** The price a completed session's subscription is on: the one it named, or one made from its price_data. */
  function priceOf(params: FormObject): string {
    const item = (params.line_items as FormObject[])[0]!;
    if (typeof item.price === 'string') return item.price;
    const id = newId('price');
    prices.add(id);
    return id;
  }

  function complete(session: CheckoutSession, customer: string) {
    const params = sessions.find((s) => s.session.id === session.id)?.params;
    if (!params) throw new Error(`no checkout session ${session.id}`);
    const periodEnd = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
    const sub: Subscription = {
      id: newId('sub'),
      object: 'subscription',
      customer,
      status: 'active',
      cancel_at_period_end: false,
      metadata: ((params.subscription_data as FormObject | undefined)?.metadata ?? {}) as Record<string, string>,
      items: {
        object: 'list',
        data: [
          {
            id: newId('si'),
            object: 'subscription_item',
            price: { id: priceOf(params), object: 'price' },
            quantity: 1,
            current_period_start: periodEnd - 30 * 24 * 3600,
            current_period_end: periodEnd,
          },
        ],
      },
    };
    subscriptions.set(sub.id, sub);
    return checkoutCompletedEvent(session, { customer, subscription: sub.id });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    prices,
    sessions,
    subscriptions,
    updates,
    declining,
    portalSessions,
    complete,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What Stripe refuses in a subscription-mode session create, with its message. */
function checkoutParamError(params: FormObject, prices: Set<string>): { message: string; param: string } | null {
  for (const param of ['mode', 'success_url', 'line_items']) {
    if (params[param] === undefined) return { message: `Missing required param: ${param}.`, param };
  }
  const items = params.line_items as FormObject[];
  for (const [i, item] of items.entries()) {
    const priceData = item.price_data as FormObject | undefined;
    if (!item.price && !priceData) {
      return { message: 'You must specify either `price` or `price_data`.', param: `line_items[${i}]` };
    }
    if (typeof item.price === 'string' && !prices.has(item.price)) {
      return { message: `No such price: '${item.price}'`, param: `line_items[${i}][price]` };
    }
    if (params.mode === 'subscription' && priceData && !priceData.recurring) {
      return {
        message: 'You must specify `recurring` in `price_data` in `subscription` mode.',
        param: `line_items[${i}][price_data]`,
      };
    }
  }
  return null;
}

/** The event Stripe sends when the user paid: the session, now complete, with its subscription. */
export function checkoutCompletedEvent(session: CheckoutSession, ids: { customer: string; subscription: string }) {
  return event('checkout.session.completed', {
    ...session,
    status: 'complete',
    payment_status: 'paid',
    customer: ids.customer,
    subscription: ids.subscription,
  });
}

/** customer.subscription.updated / .deleted for a subscription on one price. */
export function subscriptionEvent(
  type: 'customer.subscription.updated' | 'customer.subscription.deleted',
  sub: { id: string; customer: string; status: string; priceId: string; metadata: Record<string, string> },
) {
  const periodEnd = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
  return event(type, {
    id: sub.id,
    object: 'subscription',
    customer: sub.customer,
    status: sub.status,
    metadata: sub.metadata,
    items: {
      object: 'list',
      data: [
        {
          id: `si_${randomBytes(8).toString('hex')}`,
          object: 'subscription_item',
          price: { id: sub.priceId, object: 'price' },
          quantity: 1,
          current_period_start: periodEnd - 30 * 24 * 3600,
          current_period_end: periodEnd,
        },
      ],
    },
  });
}

/** The event Stripe sends about one of the stand-in's subscriptions, as it now is (or with `status`). */
export function eventAbout(
  type: 'customer.subscription.updated' | 'customer.subscription.deleted',
  sub: Subscription,
  status = sub.status,
) {
  const priceId = sub.items.data[0]!.price.id;
  return subscriptionEvent(type, { id: sub.id, customer: sub.customer, status, priceId, metadata: sub.metadata });
}

/** Sends `event` to a backend's webhook, signed with `secret` as Stripe signs it; resolves to the outcome. */
export async function deliverEvent(baseUrl: string, secret: string, event: object): Promise<string> {
  const payload = JSON.stringify(event);
  const res = await fetch(`${baseUrl}/v1/billing/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
    },
    body: payload,
  });
  const body = (await res.json()) as { outcome?: string };
  if (!res.ok || !body.outcome) throw new Error(`webhook answered ${res.status}: ${JSON.stringify(body)}`);
  return body.outcome;
}

function event(type: string, object: object) {
  return {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

function stripeError(type: string, message: string, param?: string) {
  return { error: { type, message, ...(param ? { param } : {}) } };
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(8).toString('hex')}` });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Stripe's form encoding: `line_items[0][price_data][currency]=usd` nests; numeric keys are array indexes. */
export function parseForm(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: FormObject | FormValue[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, FormValue>;
      if (last) container[slot] = value;
      else container[slot] ??= /^\d+$/.test(path[i + 1] ?? '') ? [] : {};
      if (!last) node = container[slot] as FormObject | FormValue[];
    });
  }
  return root;
}
