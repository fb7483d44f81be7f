import type { ApplyResult } from '@jobswipe/protocol';
import { describe, expect, it } from 'vitest';
import { proxyVerdict } from '../../src/proxies/proxy-verdict.ts';

const result = (
  outcome: ApplyResult['outcome'],
  errorClass: ApplyResult['errorClass'],
  message: string | null = null,
) => ({
  outcome,
  errorClass,
  message,
});

describe('what an attempt says about its proxy', () => {
  it('worked whenever the site answered, whatever the form then said', () => {
    expect(proxyVerdict(result('submitted', null))).toBe('ok');
    expect(proxyVerdict(result('needs_attention', 'needs_user', 'Answer needed'))).toBe('ok');
    expect(proxyVerdict(result('expired', 'permanent', 'HTTP 404'))).toBe('ok');
    expect(proxyVerdict(result('failed', 'permanent', 'The form refused the application'))).toBe('ok');
  });

  it('failed when the proxy could not be reached or the page timed out', () => {
    const refused = 'Error: page.goto: net::ERR_PROXY_CONNECTION_FAILED at http://127.0.0.1:4100/jobs/1';
    expect(proxyVerdict(result('failed', 'retryable', refused))).toBe('failed');
    expect(proxyVerdict(result('failed', 'retryable', 'Error: net::ERR_TUNNEL_CONNECTION_FAILED'))).toBe('failed');
    expect(proxyVerdict(result('failed', 'retryable', 'TimeoutError: page.goto: Timeout 45000ms exceeded.'))).toBe(
      'failed',
    );
  });

  it('was blocked when the site put up a CAPTCHA or a bot wall', () => {
    expect(proxyVerdict(result('blocked', 'blocked', 'A CAPTCHA challenge must be solved'))).toBe('blocked');
    expect(proxyVerdict(result('failed', 'blocked', 'Bot wall'))).toBe('blocked');
  });

  it('tells nothing when the attempt failed for another reason', () => {
    expect(proxyVerdict(result('failed', 'retryable', 'Aborted before the next step.'))).toBe('neutral');
    expect(proxyVerdict(result('failed', 'retryable', 'Error: Target page, context or browser has been closed'))).toBe(
      'neutral',
    );
  });
});
