// Security-relevant actions (sign-ins, token reuse, pairing, revocation, plan changes) go to the
// audit_log table, never anything secret.
import type { Prisma, Queryable } from '@jobswipe/db';

export type AuditAction =
  | 'signup'
  | 'signup_requested'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_reset_requested'
  | 'password_reset'
  | 'refresh_token_reuse'
  | 'device_paired'
  | 'device_revoked'
  | 'plan_changed'
  | 'settings_changed';

export interface AuditEntry {
  userId: string | null;
  action: AuditAction;
  ip?: string | undefined;
  userAgent?: string | undefined;
  data?: Prisma.InputJsonValue;
}

export async function audit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 300) ?? null,
      ...(entry.data === undefined ? {} : { data: entry.data }),
    },
  });
}
