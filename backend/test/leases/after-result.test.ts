import { describe, expect, it } from 'vitest';
import { VERIFY_QUESTION } from '../../src/applications/verify-question.ts';
import { afterResult, retryDelayMs } from '../../src/leases/after-result.ts';

const now = new Date('2026-11-22T12:00:00Z');
const retry = { baseMs: 30_000, maxMs: 3_600_000 };
type App = Parameters<typeof afterResult>[0];
const base: App = { lane: 'server', attempt: 0, maxAttempts: 5, submittingAt: null };
const result = (outcome: string, errorClass: string | null = null, extra = {}) =>
  ({ outcome, errorClass, message: 'said', confirmation: null, unanswered: [], ...extra }) as Parameters<
    typeof afterResult
  >[1];
const decide = (
  app: Partial<App>,
  r: Parameters<typeof afterResult>[1],
  preference: 'auto' | 'device_only' | 'server_only' = 'auto',
) => afterResult({ ...base, ...app }, r, { preference, retry, now, random: () => 0.5 });

describe('what an outcome leads to', () => {
  it('submitted → SUBMITTED with the confirmation', () => {
    expect(decide({}, result('submitted', null, { confirmation: 'Thanks!' }))).toMatchObject({
      name: 'submit',
      to: 'SUBMITTED',
      changes: { confirmation: 'Thanks!', attempt: 'next' },
    });
  });

  it('retryable failures wait with growing backoff, then DEAD after the last attempt', () => {
    const first = decide({}, result('failed', 'retryable'));
    expect(first).toMatchObject({ to: 'RETRY_SCHEDULED', changes: { availableAt: new Date(now.getTime() + 22_500) } });
    const third = decide({ attempt: 2 }, result('failed', 'retryable'));
    expect(third.changes.availableAt!.getTime() - now.getTime()).toBe(90_000);
    expect(decide({ attempt: 4 }, result('failed', 'retryable'))).toMatchObject({ to: 'DEAD' });
  });

  it('a last attempt lost after the final submit asks the user instead of dying', () => {
    expect(decide({ attempt: 4, submittingAt: new Date() }, result('failed', 'retryable'))).toMatchObject({
      to: 'NEEDS_ATTENTION',
      changes: { attention: [VERIFY_QUESTION] },
    });
  });

  it('a form that refused the final submit clears the checkpoint: no "did it go through?", no verify-first', () => {
    const refused = decide(
      { submittingAt: new Date() },
      result('needs_attention', 'needs_user', { submitRefused: true, message: 'The form refused the application' }),
    );
    expect(refused).toMatchObject({ to: 'NEEDS_ATTENTION', changes: { submittingAt: null, attention: null } });
    const last = decide(
      { attempt: 4, submittingAt: new Date() },
      result('failed', 'retryable', { submitRefused: true }),
    );
    expect(last).toMatchObject({ to: 'DEAD', changes: { submittingAt: null } });
    // Without the proof the checkpoint stands.
    const lost = decide({ submittingAt: new Date() }, result('needs_attention', 'needs_user'));
    expect(lost.changes).toMatchObject({ attention: [VERIFY_QUESTION] });
    expect(lost.changes).not.toHaveProperty('submittingAt');
  });

  it('blocked on our servers escalates to the user devices, unless they chose server only', () => {
    expect(decide({}, result('blocked', 'blocked'))).toMatchObject({
      name: 'release',
      to: 'QUEUED',
      escalate: true,
      changes: { lane: 'device' },
    });
    expect(decide({}, result('failed', 'blocked'))).toMatchObject({ name: 'release', changes: { lane: 'device' } });
    expect(decide({}, result('blocked', 'blocked'), 'server_only')).toMatchObject({ to: 'NEEDS_ATTENTION' });
    expect(decide({ lane: 'device' }, result('blocked', 'blocked'))).toMatchObject({ to: 'NEEDS_ATTENTION' });
  });

  it('needs the user → NEEDS_ATTENTION with the questions; permanent → FAILED; closed → EXPIRED', () => {
    const q = { key: 'k', label: 'Q?', type: 'text', required: true };
    expect(decide({}, result('needs_attention', 'needs_user', { unanswered: [q] }))).toMatchObject({
      to: 'NEEDS_ATTENTION',
      changes: { attention: [q], error: { errorClass: 'needs_user' } },
    });
    expect(decide({}, result('failed', 'permanent'))).toMatchObject({ to: 'FAILED' });
    expect(decide({}, result('expired', 'permanent'))).toMatchObject({ to: 'EXPIRED' });
  });

  it('keeps the backoff within its bounds', () => {
    for (let used = 1; used < 20; used++) {
      const low = retryDelayMs(retry, used, () => 0);
      const high = retryDelayMs(retry, used, () => 1);
      expect(low).toBeGreaterThan(0);
      expect(high).toBeLessThanOrEqual(retry.maxMs);
      expect(high).toBe(2 * low);
    }
  });
});
