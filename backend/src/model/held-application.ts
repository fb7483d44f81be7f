// The application a lease-scoped model request names, with its job snapshot: found only in the
// caller's scope (a device sees its own user's), and only while the caller holds the lease it gave.
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { Executor } from '../leases/executor.ts';
import { holdsLease, userScope } from '../leases/executor.ts';

export async function heldApplication(ctx: AppContext, executor: Executor, applicationId: string, leaseToken: bigint) {
  const scope = userScope(executor);
  const app = await ctx.db.prisma.application.findFirst({
    where: { id: applicationId, ...(scope ? { userId: scope } : {}) },
    include: { snapshot: true },
  });
  if (!app) throw notFound('Application');
  if (!holdsLease(app, executor, leaseToken)) {
    throw new AppError('stale_lease', 'Your lease on this application is no longer valid: no model use for it.');
  }
  return app;
}
