// Evidence of an attempt (screenshots, the confirmation page), stored by the executor that holds
// the lease: a stale lease token is refused like any other fenced write.
import { randomUUID } from 'node:crypto';
import type { Evidence } from '@jobswipe/db';
import type { EvidenceKind } from '@jobswipe/protocol';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { type Executor, holdsLease, userScope } from '../leases/executor.ts';
import { detectEvidenceType } from './evidence-type.ts';

export const EVIDENCE_ACCEPTED = 'a PNG or JPEG screenshot, an HTML page or a PDF';

export async function storeEvidence(
  ctx: AppContext,
  executor: Executor,
  input: { applicationId: string; leaseToken: bigint; kind: EvidenceKind; bytes: Uint8Array },
): Promise<Evidence> {
  const userId = userScope(executor);
  const app = await ctx.db.prisma.application.findFirst({
    where: { id: input.applicationId, ...(userId ? { userId } : {}) },
  });
  if (!app) throw notFound('Application');
  if (!holdsLease(app, executor, input.leaseToken)) {
    throw new AppError('stale_lease', 'Your lease on this application is no longer valid: evidence not stored.');
  }
  const type = detectEvidenceType(input.bytes);
  if (!type) throw new AppError('unsupported_media_type', `Evidence must be ${EVIDENCE_ACCEPTED}.`);
  const attempt = app.attempt + 1;
  const stored = await ctx.files.put(
    `evidence/${app.id}/${attempt}/${randomUUID()}.${type.extension}`,
    input.bytes,
    type.mime,
  );
  return ctx.db.prisma.evidence.create({
    data: { applicationId: app.id, attempt, kind: input.kind, mime: type.mime, ...stored },
  });
}
