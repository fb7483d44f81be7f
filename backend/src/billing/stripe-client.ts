// The official Stripe SDK, configured from the environment. STRIPE_API_BASE points it elsewhere
// than api.stripe.com (the tests' local stand-in); without STRIPE_SECRET_KEY there is no client.
import Stripe from 'stripe';
import type { Config } from '../config.ts';

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
