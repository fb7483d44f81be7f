// Sends the outbox's swipes to the server, oldest first, and keeps the rest when the network is
// down. It tries again when the browser comes back online and on a backoff timer meanwhile. A
// swipe leaves the outbox only once the server answered for it (accepted, or refused for good).
import type { SwipeBody, SwipeResponse } from '@jobswipe/protocol';
import { ApiError } from '../api/http.ts';
import { retryDelay } from '../api/retry-delay.ts';
import type { PendingSwipe, SwipeOutbox } from './swipe-outbox.ts';

export interface SyncState {
  pending: PendingSwipe[];
  /** Set while the last attempt could not reach the server. */
  offline: boolean;
  /** Swipes the server refused for good, with its reason, for the user to see. */
  refused: { swipe: PendingSwipe; message: string }[];
  /** The server's answer to the latest swipe sent: the UI reconciles its optimistic state with it. */
  lastSent: { swipe: PendingSwipe; response: SwipeResponse } | null;
}

export interface SwipeSyncOptions {
  outbox: SwipeOutbox;
  userId: string;
  send: (body: SwipeBody) => Promise<SwipeResponse>;
  retryDelays?: readonly number[];
}

/** Refusals that another try cannot change; anything else (rate limit, 5xx, sign-in) is retried. */
function isFinalRefusal(err: unknown): err is ApiError {
  return (
    err instanceof ApiError &&
    ['validation_failed', 'not_found', 'conflict', 'idempotency_mismatch', 'forbidden'].includes(err.code)
  );
}

export class SwipeSync {
  private state: SyncState = { pending: [], offline: false, refused: [], lastSent: null };
  private flushing: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly onOnline = () => void this.flush();
  private stopped = false;

  constructor(private readonly options: SwipeSyncOptions) {
    globalThis.addEventListener?.('online', this.onOnline);
  }

  get snapshot(): SyncState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores the swipe first (so nothing is lost), then sends what is waiting. */
  async enqueue(swipe: PendingSwipe): Promise<void> {
    await this.options.outbox.add(swipe);
    await this.reload();
    void this.flush();
  }

  /**
   * Takes back a swipe that was never sent. False when it already reached the server (or is on its
   * way): then the server's undo is needed.
   */
  async retract(jobId: string): Promise<boolean> {
    await this.flushing?.catch(() => undefined);
    const swipe = this.state.pending.find((s) => s.jobId === jobId);
    if (!swipe) return false;
    await this.options.outbox.remove(swipe.idempotencyKey);
    await this.reload();
    return true;
  }

  /** Sends every waiting swipe; concurrent calls share the run (and one more pass follows). */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.listeners.clear();
  }

  async reload(): Promise<void> {
    this.set({ pending: await this.options.outbox.list(this.options.userId) });
  }

  private async drain(): Promise<void> {
    clearTimeout(this.timer);
    await this.reload();
    for (const swipe of this.state.pending) {
      if (this.stopped) return;
      try {
        const response = await this.options.send({
          jobId: swipe.jobId,
          direction: swipe.direction,
          idempotencyKey: swipe.idempotencyKey,
        });
        await this.options.outbox.remove(swipe.idempotencyKey);
        this.failures = 0;
        this.set({ offline: false, lastSent: { swipe, response } });
      } catch (err) {
        if (isFinalRefusal(err)) {
          await this.options.outbox.remove(swipe.idempotencyKey);
          this.set({ refused: [...this.state.refused, { swipe, message: err.message }] });
          continue;
        }
        // Unreachable, rate-limited or signed out: keep it and every later one, in order.
        this.set({ offline: true });
        this.scheduleRetry();
        break;
      }
    }
    await this.reload();
  }

  private scheduleRetry(): void {
    const delay = retryDelay(this.failures, this.options.retryDelays);
    this.failures += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
