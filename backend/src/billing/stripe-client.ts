// The official Stripe SDK, configured from the environment. STRIPE_API_BASE points it elsewhere
// than api.stripe.com (the tests' local stand-in); without STRIPE_SECRET_KEY there is no client.
import Stripe from 'stripe';
import type { Config } from '../config.ts';
import { AppError } from '../http/errors.ts';

export function createStripeClient(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE'>): Stripe | null {
  if (!config.STRIPE_SECRET_KEY) return null;
  const base = config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE) : null;
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(config.STRIPE_SECRET_KEY, {
    ...(base ? { host: base.hostname, port: base.port || (protocol === 'http' ? 80 : 443), protocol } : {}),
    maxNetworkRetries: 1,
    timeout: 15_000,
    telemetry: false,
  });
}

/** The client, or the answer every billing call gives while Stripe is not configured. */
export function requireStripe(stripe: Stripe | null): Stripe {
  if (stripe) return stripe;
  throw new AppError(
    'service_unavailable',
    'Payments are not set up on this server (STRIPE_SECRET_KEY is not set). Ask its operator to configure Stripe.',
  );
}
