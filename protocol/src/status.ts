// The application lifecycle: every status and every named transition between them. This file is
// the one home of the rule; the backend's guarded update, the executors and the web import it.
// docs/architecture.md draws the same table as a diagram.
import { z } from 'zod';

export const APPLICATION_STATUSES = [
  'QUEUED',
  'CLAIMED',
  'RUNNING',
  'SUBMITTED',
  'FAILED',
  'RETRY_SCHEDULED',
  'NEEDS_ATTENTION',
  'DEAD',
  'CANCELLED',
  'EXPIRED',
  'SCHEDULED',
  'WAITING_QUOTA',
  'GRACE',
] as const;

export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** An executor holds a lease on the application; writes must carry its lease token. */
export const HELD_STATUSES = ['CLAIMED', 'RUNNING'] as const satisfies readonly ApplicationStatus[];

/** Nothing happens to the application any more unless the user acts. */
export const TERMINAL_STATUSES = ['SUBMITTED', 'CANCELLED', 'EXPIRED'] as const satisfies readonly ApplicationStatus[];

/**
 * Waiting for time (the user's undo grace period after the swipe, backoff, tomorrow's quota, next
 * month's quota) before it is queued; `available_at` says until when.
 */
export const WAITING_STATUSES = [
  'GRACE',
  'RETRY_SCHEDULED',
  'SCHEDULED',
  'WAITING_QUOTA',
] as const satisfies readonly ApplicationStatus[];

interface TransitionRule {
  /** Statuses the transition may start from; empty for the transition that creates the row. */
  readonly from: readonly ApplicationStatus[];
  readonly to: readonly ApplicationStatus[];
  /** The caller must present the current lease token (it holds the application). */
  readonly fenced: boolean;
  readonly description: string;
}

const held = HELD_STATUSES;

/**
 * Named transitions. Each status change names one of these; the backend's single guarded update
 * refuses a change whose current status is not in `from`, whose target is not in `to`, or (when
 * fenced) whose lease token is stale.
 */
export const TRANSITIONS = {
  create: {
    from: [],
    to: ['GRACE', 'QUEUED', 'SCHEDULED', 'WAITING_QUOTA', 'NEEDS_ATTENTION'],
    fenced: false,
    description:
      "a right-swipe creates the application: held for the user's undo grace period (queued at once when it is 0), deferred by the daily or monthly quota, or waiting for the user's answers to required questions the form is known to ask",
  },
  recordByHand: {
    from: [],
    to: ['SUBMITTED'],
    fenced: false,
    description:
      "the user submitted a form the extension's autofill filled on a page they opened themselves: the application is recorded as submitted, applied by hand",
  },
  claim: {
    from: ['QUEUED'],
    to: ['CLAIMED'],
    fenced: false,
    description: 'an executor takes the application under a new lease token',
  },
  start: {
    from: ['CLAIMED'],
    to: ['RUNNING'],
    fenced: true,
    description: 'the executor reports its first progress',
  },
  submit: {
    from: held,
    to: ['SUBMITTED'],
    fenced: true,
    description: 'the company form confirmed the application',
  },
  fail: {
    from: held,
    to: ['FAILED', 'EXPIRED', 'NEEDS_ATTENTION', 'RETRY_SCHEDULED', 'DEAD'],
    fenced: true,
    description: 'the attempt ended without a submission; the failure class picks the target',
  },
  release: {
    from: held,
    to: ['QUEUED', 'RETRY_SCHEDULED'],
    fenced: true,
    description:
      "the executor hands the application back (shutdown), it escalates to the device lane, or it waits out the site's rate limit (the attempt not counted)",
  },
  lapse: {
    from: held,
    to: ['QUEUED', 'DEAD', 'NEEDS_ATTENTION'],
    fenced: false,
    description:
      'the reaper takes back an application whose lease expired: queued again, DEAD after its last attempt, or NEEDS_ATTENTION when that last attempt may have submitted',
  },
  abort: {
    from: held,
    to: ['CANCELLED'],
    fenced: false,
    description: 'the user cancels while an executor holds it, before the final submit; the lease is fenced out',
  },
  promote: {
    from: ['GRACE', 'RETRY_SCHEDULED', 'SCHEDULED', 'WAITING_QUOTA'],
    to: ['QUEUED'],
    fenced: false,
    description: 'the undo grace period is over, or the scheduler queues an application whose wait is over',
  },
  defer: {
    from: ['RETRY_SCHEDULED', 'SCHEDULED', 'WAITING_QUOTA', 'QUEUED'],
    to: ['SCHEDULED', 'WAITING_QUOTA'],
    fenced: false,
    description: 'the quota is still used up when the application comes due: wait for the next period',
  },
  confirm: {
    from: ['NEEDS_ATTENTION'],
    to: ['SUBMITTED'],
    fenced: false,
    description: 'the user confirms that an attempt lost after its final submit did go through',
  },
  requeue: {
    from: ['FAILED', 'DEAD', 'NEEDS_ATTENTION'],
    to: ['QUEUED'],
    fenced: false,
    description: 'the user retries, or answers the questions it was waiting on',
  },
  completeSwipe: {
    from: ['NEEDS_ATTENTION'],
    to: ['GRACE'],
    fenced: false,
    description:
      "the answers an application waited on since its swipe arrive: held for the user's undo grace period, as a swipe without questions is (requeued at once when it is 0)",
  },
  cancel: {
    from: ['GRACE', 'QUEUED', 'SCHEDULED', 'WAITING_QUOTA', 'RETRY_SCHEDULED', 'NEEDS_ATTENTION', 'FAILED', 'DEAD'],
    to: ['CANCELLED'],
    fenced: false,
    description: 'the user cancels (or undoes the swipe) while no executor holds it',
  },
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof TRANSITIONS;

export function isHeld(status: ApplicationStatus): boolean {
  return (HELD_STATUSES as readonly ApplicationStatus[]).includes(status);
}

export function isTerminal(status: ApplicationStatus): boolean {
  return (TERMINAL_STATUSES as readonly ApplicationStatus[]).includes(status);
}

/** Whether the named transition may move an application from `from` to `to`. */
export function allows(name: TransitionName, from: ApplicationStatus | null, to: ApplicationStatus): boolean {
  const rule: TransitionRule = TRANSITIONS[name];
  const fromOk = from === null ? rule.from.length === 0 : rule.from.includes(from);
  return fromOk && rule.to.includes(to);
}

/** Every status some named transition can reach from `from`: the table the diagram draws. */
export function nextStatuses(from: ApplicationStatus): ApplicationStatus[] {
  const out = new Set<ApplicationStatus>();
  for (const rule of Object.values(TRANSITIONS) as TransitionRule[]) {
    if (rule.from.includes(from)) for (const to of rule.to) out.add(to);
  }
  return [...out];
}
