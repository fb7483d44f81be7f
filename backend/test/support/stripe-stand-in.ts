// A STAND-IN FOR STRIPE'S API, which cannot be reached from here: a local HTTP server answering
// POST /v1/checkout/sessions the way api.stripe.com does (form-encoded parameters, Bearer secret
// key, Checkout Session objects, Stripe-shaped errors). The backend's real `stripe` SDK talks to
// it through STRIPE_API_BASE. It also builds the event objects Stripe would send to the webhook.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

export interface StripeStandIn {
  url: string;
  secretKey: string;
  /** Price ids that exist in this Stripe account; any other is "No such price", as in Stripe. */
  prices: Set<string>;
  /** Every checkout session created, with the parameters the SDK sent. */
  sessions: { session: CheckoutSession; params: FormObject }[];
  close(): Promise<void>;
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const secretKey = `sk_test_${randomBytes(12).toString('hex')}`;
  const sessions: StripeStandIn['sessions'] = [];
  const prices = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => reply(res, 500, stripeError('api_error', err.message)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return reply(res, 401, stripeError('invalid_request_error', 'Invalid API Key provided.'));
    }
    if (req.method !== 'POST' || req.url !== '/v1/checkout/sessions') {
      return reply(
        res,
        404,
        stripeError('invalid_request_error', `Unrecognized request URL (${req.method}: ${req.url}).`),
      );
    }
    const params = parseForm(await readBody(req));
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

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    prices,
    sessions,
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
