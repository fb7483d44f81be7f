// The apply CLI's exit codes, one per outcome (documented in automations/README.md).
import type { ApplyResult } from '@jobswipe/protocol';

export const EXIT = {
  submitted: 0,
  crash: 1,
  usage: 2,
  needsAttention: 3,
  blocked: 4,
  expired: 5,
  failed: 6,
  retryable: 7,
} as const;

export function exitCodeFor(result: ApplyResult): number {
  if (result.dryRun) return EXIT.submitted;
  switch (result.outcome) {
    case 'submitted':
      return EXIT.submitted;
    case 'needs_attention':
      return EXIT.needsAttention;
    case 'blocked':
      return EXIT.blocked;
    case 'expired':
      return EXIT.expired;
    case 'failed':
      return result.errorClass === 'retryable' ? EXIT.retryable : EXIT.failed;
  }
}
