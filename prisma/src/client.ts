// The Prisma client over a pg pool (driver adapter, no engine binary). The same pool serves the
// raw SQL modules, so a transaction can mix both.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client.ts';

export { $Enums, Prisma, PrismaClient } from '../generated/client.ts';
export type * from '../generated/models.ts';

export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function openDatabase(url: string, options: { max?: number; onError?: (err: Error) => void } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its server (restart, failover) must not crash the process.
  pool.on('error', (err) => options.onError?.(err));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
