// One Postgres transaction plus the work to do once it has committed (publishing to Redis,
// notifying sockets). Nothing is published for a transaction that rolled back; one that could not
// start or was rolled back by Postgres is tried again with backoff (its work must not act outside
// the transaction: that is what afterCommit is for).
import { type Database, Prisma, type Tx } from '@jobswipe/db';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../logger.ts';

export interface UnitOfWork {
  tx: Tx;
  /** Live events for the web, published once the transaction has committed. */
  events: EventBus;
  afterCommit(hook: () => Promise<void> | void): void;
}

/** Tries after the first, for a transaction Postgres could not start or had to roll back. */
const RETRIES = 3;
const RETRY_BASE_MS = 100;

/**
 * Errors that mean the transaction did not commit and trying again may succeed: no pooled
 * connection in time or the transaction outlived its timeout (P2028, seen under CPU pressure), a
 * write conflict or deadlock (P2034).
 */
function isTransient(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && (err.code === 'P2028' || err.code === 'P2034');
}

export async function inTransaction<T>(
  deps: { db: Database; log: Logger; events: EventBus },
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const hooks: Array<() => Promise<void> | void> = [];
    const afterCommit = (hook: () => Promise<void> | void) => {
      hooks.push(hook);
    };
    let result: T;
    try {
      // Waiting and timeout are the client's defaults (openDatabase), the same for every transaction.
      result = await deps.db.prisma.$transaction((tx) => work({ tx, events: deps.events, afterCommit }));
    } catch (err) {
      if (attempt >= RETRIES || !isTransient(err)) throw err;
      // Full jitter, so transactions that failed together do not retry together.
      const delay = Math.random() * RETRY_BASE_MS * 2 ** attempt;
      deps.log.debug({ err, attempt, delay }, 'transaction did not commit; trying again');
      await new Promise((resolve) => setTimeout(resolve, delay));
      continue;
    }
    for (const hook of hooks) {
      try {
        await hook();
      } catch (err) {
        // The commit stands; whatever the hook did not deliver is swept up later (outbox relay).
        deps.log.warn({ err }, 'after-commit hook failed');
      }
    }
    return result;
  }
}
