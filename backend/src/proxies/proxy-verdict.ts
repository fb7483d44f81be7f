// What an application attempt says about the proxy it went through: it worked (whatever the form
// then said), it failed us (refused, tunnel down, timed out), the site blocked it, or nothing can
// be told (the page crashed, the attempt was stopped).
import type { ApplyResult } from '@jobswipe/protocol';
import type { ProxyVerdict } from './proxy-health.ts';

/** Chromium's errors for a proxy that cannot be reached or cannot reach on. */
const PROXY_DOWN =
  /net::ERR_(PROXY_|TUNNEL_CONNECTION_FAILED|SOCKS_|EMPTY_RESPONSE|CONNECTION_RESET|CONNECTION_CLOSED)/;
const TIMED_OUT = /TimeoutError|Timeout \d+ms exceeded|net::ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)/;

export function proxyVerdict(result: Pick<ApplyResult, 'outcome' | 'errorClass' | 'message'>): ProxyVerdict {
  if (result.outcome === 'blocked' || result.errorClass === 'blocked') return 'blocked';
  if (result.outcome !== 'failed' || result.errorClass !== 'retryable') return 'ok';
  const message = result.message ?? '';
  return PROXY_DOWN.test(message) || TIMED_OUT.test(message) ? 'failed' : 'neutral';
}
