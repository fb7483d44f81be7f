// Swipes not yet acknowledged by the server, kept in IndexedDB so a reload, a crash or days
// offline lose none of them. Each keeps the idempotency key it was made with: sending it again
// can never apply twice. Beside them, the answers given to a card's questions after its
// right-swipe: kept in the same order, so they always go out after the swipe they belong to.
import type { AnswerValue, SwipeDirection } from '@jobswipe/protocol';

export interface PendingSwipe {
  idempotencyKey: string;
  userId: string;
  jobId: string;
  direction: SwipeDirection;
  /** Enough of the job to list it while it waits. */
  job: { title: string; company: string };
  createdAt: number;
}

/** The answers to a right-swiped card's questions, sent once its swipe has been. */
export interface PendingAnswers {
  kind: 'answers';
  /** Its own key in the outbox (the swipe's with a suffix). */
  idempotencyKey: string;
  /** The swipe they answer for: a replay of it names its application. */
  swipeKey: string;
  userId: string;
  jobId: string;
  job: { title: string; company: string };
  answers: { question: string; answer: AnswerValue }[];
  createdAt: number;
}

export type OutboxItem = PendingSwipe | PendingAnswers;

export function isAnswers(item: OutboxItem): item is PendingAnswers {
  return 'kind' in item && item.kind === 'answers';
}

const STORE = 'pendingSwipes';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class SwipeOutbox {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(name = 'jobswipe', factory: IDBFactory = indexedDB): Promise<SwipeOutbox> {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
      store.createIndex('byUser', ['userId', 'createdAt']);
    };
    return new SwipeOutbox(await done(request));
  }

  /** Keeps the item; resolves once it is on disk. */
  async add(item: OutboxItem): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(item);
    await committed(tx);
  }

  /** The user's waiting swipes and answers, oldest first: they are sent in the order they were made. */
  async list(userId: string): Promise<OutboxItem[]> {
    const tx = this.db.transaction(STORE, 'readonly');
    const range = IDBKeyRange.bound([userId, -Infinity], [userId, Infinity]);
    return done(tx.objectStore(STORE).index('byUser').getAll(range) as IDBRequest<OutboxItem[]>);
  }

  async remove(idempotencyKey: string): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(idempotencyKey);
    await committed(tx);
  }

  close(): void {
    this.db.close();
  }
}

let lastStamp = 0;

/**
 * The outbox's order for a new item: the time, made strictly increasing. Key presses a millisecond
 * apart would otherwise tie, and IndexedDB would order the tie by the random key: a Pass pressed
 * after a Like could reach the server first.
 */
export function outboxStamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

/** A fresh idempotency key for one swipe. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
