// The Prisma client over a pg pool (driver adapter, no engine binary). The same pool serves the
// raw SQL modules, so a transaction can mix both.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { type Prisma, PrismaClient } from '../generated/client.ts';

export { $Enums, Prisma, PrismaClient } from '../generated/client.ts';
export type {
  ApplicationEventModel as ApplicationEvent,
  ApplicationModel as Application,
  AuditLogModel as AuditLog,
  DeviceModel as Device,
  DevicePairingModel as DevicePairing,
  EvidenceModel as Evidence,
  IdempotencyKeyModel as IdempotencyKey,
  JobFormModel as JobForm,
  JobModel as Job,
  JobSnapshotModel as JobSnapshot,
  ModelDraftModel as ModelDraft,
  OutboxModel as Outbox,
  PlanModel as Plan,
  ProfileModel as Profile,
  RefreshSessionModel as RefreshSession,
  ResumeModel as Resume,
  SavedAnswerModel as SavedAnswer,
  StripeEventModel as StripeEvent,
  SubscriptionModel as Subscription,
  SwipeModel as Swipe,
  UsageCounterModel as UsageCounter,
  UserModel as User,
} from '../generated/models.ts';

/** A transaction's client; modules that must run inside the caller's transaction take this. */
export type Tx = Prisma.TransactionClient;
/** Either the client or a transaction: for reads and writes that may run in or out of one. */
export type Queryable = PrismaClient | Prisma.TransactionClient;

export interface Database {
  url: string;
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  max?: number;
  onError?: (err: Error) => void;
  /** Longest any interactive transaction waits for a pooled connection (Prisma's default: 2 s). */
  transactionWaitMs?: number;
}

/** Longest an interactive transaction may run. Prisma's 5 s default fails under CPU pressure (P2028). */
const TRANSACTION_TIMEOUT_MS = 15_000;

export function openDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its server (restart, failover) must not crash the process.
  pool.on('error', (err) => options.onError?.(err));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: options.transactionWaitMs ?? 5_000, timeout: TRANSACTION_TIMEOUT_MS },
  });
  return {
    url,
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
