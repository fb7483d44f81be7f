// Where Stripe sends the user back after Checkout or the customer portal: only pages of our own
// site (PUBLIC_URL's origin), so nobody can make our Stripe pages hand a user on to another site.
import type { Config } from '../config.ts';
import { AppError } from '../http/errors.ts';

export function ownPageUrl(
  config: Pick<Config, 'publicUrl'>,
  field: string,
  url: string | undefined,
  fallback: string,
): string {
  if (url === undefined) return fallback;
  const origin = new URL(config.publicUrl).origin;
  if (!URL.canParse(url) || new URL(url).origin !== origin) {
    throw new AppError('validation_failed', `Invalid body: ${field}: must be a page of this site (${origin}/…).`, {
      issues: [{ path: field, message: `must start with ${origin}/` }],
    });
  }
  return url;
}
