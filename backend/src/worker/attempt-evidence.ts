// An attempt's evidence (the engine's screenshots and saved pages) stored under the lease token
// and linked to the attempt. Best effort: a file that cannot be stored is logged and skipped, never
// the reason a submitted application is not recorded as submitted.
import { readFile } from 'node:fs/promises';
import { type ApplyOutcome, evidenceKind } from '@jobswipe/protocol';
import { REPORT_LIMITS } from '@jobswipe/protocol/device';
import type { AppContext } from '../context.ts';
import { storeEvidence } from '../evidence/store-evidence.ts';
import type { Executor } from '../leases/executor.ts';

export async function storeAttemptEvidence(
  ctx: AppContext,
  executor: Executor,
  lease: { applicationId: string; leaseToken: bigint },
  files: { paths: string[]; outcome: ApplyOutcome },
): Promise<string[]> {
  const ids: string[] = [];
  for (const path of files.paths.slice(0, REPORT_LIMITS.evidence)) {
    try {
      const bytes = await readFile(path);
      if (bytes.length > ctx.config.EVIDENCE_MAX_BYTES) {
        ctx.log.warn(
          { size: bytes.length, max: ctx.config.EVIDENCE_MAX_BYTES },
          'evidence larger than allowed: skipped',
        );
        continue;
      }
      const kind = evidenceKind(path, files.outcome);
      ids.push((await storeEvidence(ctx, executor, { ...lease, kind, bytes })).id);
    } catch (err) {
      ctx.log.warn({ err: (err as Error).message }, 'evidence not stored');
    }
  }
  return ids;
}
