// One Postgres transaction plus the work to do once it has committed (publishing to Redis,
// notifying sockets). Nothing is published for a transaction that rolled back.
import type { Database, Tx } from '@jobswipe/db';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../logger.ts';

export interface UnitOfWork {
  tx: Tx;
  /** Live events for the web, published once the transaction has committed. */
  events: EventBus;
  afterCommit(hook: () => Promise<void> | void): void;
}

export async function inTransaction<T>(
  deps: { db: Database; log: Logger; events: EventBus },
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  const hooks: Array<() => Promise<void> | void> = [];
  const afterCommit = (hook: () => Promise<void> | void) => {
    hooks.push(hook);
  };
  const result = await deps.db.prisma.$transaction((tx) => work({ tx, events: deps.events, afterCommit }), {
    maxWait: 5_000,
    timeout: 15_000,
  });
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
