// What an attempt's outcome leads to: the one mapping from failure classes to statuses
// (ARCHITECTURE.md, "Failure classes"). Pure, so every rule is tested on its own.
import type { Application } from '@jobswipe/db';
import type { ExecutionPreference, Question } from '@jobswipe/protocol';
import type { ResultMessage } from '@jobswipe/protocol/device';
import type { ApplicationChanges } from '../applications/transition.ts';
import { VERIFY_QUESTION } from '../applications/verify-question.ts';

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export type AfterResult =
  | { name: 'submit'; to: 'SUBMITTED'; changes: ApplicationChanges; message: string }
  | {
      name: 'fail';
      to: 'FAILED' | 'EXPIRED' | 'NEEDS_ATTENTION' | 'RETRY_SCHEDULED' | 'DEAD';
      changes: ApplicationChanges;
      message: string;
    }
  /** Blocked on our servers: hand it to the user's devices (and give back the server quota). */
  | { name: 'release'; to: 'QUEUED'; changes: ApplicationChanges; message: string; escalate: true };

/** Exponential backoff with full jitter: up to base·2^attempt, capped. */
export function retryDelayMs(policy: RetryPolicy, attemptsUsed: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attemptsUsed - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function afterResult(
  app: Pick<Application, 'lane' | 'attempt' | 'maxAttempts' | 'submittingAt'>,
  result: Pick<ResultMessage, 'outcome' | 'errorClass' | 'message' | 'confirmation' | 'unanswered'> &
    Partial<Pick<ResultMessage, 'submitRefused'>>,
  context: { preference: ExecutionPreference; retry: RetryPolicy; now: Date; random?: () => number },
): AfterResult {
  const used = app.attempt + 1;
  const said = result.message ?? '';
  // A form that refused the final submit proves nothing was sent: the checkpoint no longer holds,
  // so no "did it go through?" question and no verify-first on the next attempt.
  const refused = result.submitRefused === true && result.outcome !== 'submitted';
  const submittingAt = refused ? null : app.submittingAt;
  const base: ApplicationChanges = { attempt: 'next', ...(refused ? { submittingAt: null } : {}) };
  const failWith = (
    to: 'FAILED' | 'EXPIRED' | 'NEEDS_ATTENTION' | 'DEAD',
    errorClass: ResultMessage['errorClass'],
    message: string,
    attention: Question[] | null = null,
  ): AfterResult => ({
    name: 'fail',
    to,
    message,
    changes: { ...base, error: { message, errorClass }, attention },
  });

  const needsUser = (message: string) =>
    failWith(
      'NEEDS_ATTENTION',
      'needs_user',
      message,
      result.unanswered.length ? result.unanswered : submittingAt ? [VERIFY_QUESTION] : null,
    );

  const blocked = (): AfterResult => {
    if (app.lane === 'server' && context.preference !== 'server_only') {
      return {
        name: 'release',
        to: 'QUEUED',
        escalate: true,
        message: `Blocked on our servers (${said || 'bot check'}): handed to your own devices.`,
        changes: { ...base, lane: 'device', error: { message: said || 'Blocked by the site', errorClass: 'blocked' } },
      };
    }
    return needsUser(
      app.lane === 'server'
        ? `The site blocks our servers (${said || 'bot check'}) and you chose server only: allow your devices, or apply yourself.`
        : `The site wants you to prove you are human (${said || 'CAPTCHA'}): open it in your browser to continue.`,
    );
  };

  switch (result.outcome) {
    case 'submitted':
      return {
        name: 'submit',
        to: 'SUBMITTED',
        message: result.confirmation ? `Submitted: ${result.confirmation}` : 'Submitted.',
        changes: {
          ...base,
          confirmation: result.confirmation,
          error: { message: null, errorClass: null },
          attention: null,
        },
      };
    case 'expired':
      return failWith('EXPIRED', 'permanent', said || 'The posting no longer accepts applications.');
    case 'needs_attention':
      return needsUser(said || 'The form asks something only you can answer.');
    case 'blocked':
      return blocked();
    case 'failed':
      switch (result.errorClass) {
        case 'blocked':
          return blocked();
        case 'needs_user':
          return needsUser(said || 'The form needs your input.');
        case 'permanent':
          return failWith('FAILED', 'permanent', said || 'The application could not be completed.');
        default: {
          if (used >= app.maxAttempts) {
            if (submittingAt) return needsUser(`${said || 'Failed'} after the final submit on the last attempt.`);
            return failWith(
              'DEAD',
              'retryable',
              `${said || 'Failed'} (attempt ${used} of ${app.maxAttempts}; no attempts left).`,
            );
          }
          const delay = retryDelayMs(context.retry, used, context.random);
          return {
            name: 'fail',
            to: 'RETRY_SCHEDULED',
            message: `${said || 'Failed'} — retrying in ${Math.ceil(delay / 1000)} s (attempt ${used} of ${app.maxAttempts}).`,
            changes: {
              ...base,
              availableAt: new Date(context.now.getTime() + delay),
              error: { message: said || 'Temporary failure', errorClass: 'retryable' },
            },
          };
        }
      }
  }
}
