// Sends the outbox's swipes to the server, oldest first, and keeps the rest when the network is
// down. It tries again when the browser comes back online and on a backoff timer meanwhile. A
// swipe leaves the outbox only once the server answered for it (accepted, or refused for good).
// Answers to a card's questions follow their swipe: they go to the application it made, which
// waits for them (NEEDS_ATTENTION) and is queued once they arrive; an application that no longer
// waits (deferred by quota, undone) gets them through the profile's saved answers instead.
import type { ApplicationSummary, SwipeResponse } from '@jobswipe/protocol';
import type { ApiClient } from '../api/client.ts';
import { ApiError } from '../api/http.ts';
import { retryDelay } from '../api/retry-delay.ts';
import { isAnswers, type PendingAnswers, type PendingSwipe, type SwipeOutbox } from './swipe-outbox.ts';

export interface SyncState {
  pending: PendingSwipe[];
  /** Answers waiting for their swipe, or for the network. */
  pendingAnswers: PendingAnswers[];
  /** Set while the last attempt could not reach the server. */
  offline: boolean;
  /** Swipes (or answers) the server refused for good, with its reason, for the user to see. */
  refused: { swipe: PendingSwipe | PendingAnswers; message: string }[];
  /** The server's answer to the latest swipe sent: the UI reconciles its optimistic state with it. */
  lastSent: { swipe: PendingSwipe; response: SwipeResponse } | null;
  /**
   * The latest answers sent, and the application they went to (null: kept as saved answers, no
   * application waited for them): its undo window (`undoUntil`) starts when they arrive.
   */
  lastAnswered: { answers: PendingAnswers; application: ApplicationSummary | null } | null;
}

/** Nothing waiting, nothing sent yet. */
export const IDLE_SYNC: SyncState = {
  pending: [],
  pendingAnswers: [],
  offline: false,
  refused: [],
  lastSent: null,
  lastAnswered: null,
};

export interface SwipeSyncOptions {
  outbox: SwipeOutbox;
  userId: string;
  api: Pick<ApiClient, 'swipe' | 'answerApplication' | 'saveAnswers'>;
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
  private state: SyncState = IDLE_SYNC;
  /** The application each swipe sent from here made, by the swipe's idempotency key. */
  private readonly applications = new Map<string, string | null>();
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

  /** Stores the swipe (or answers) first, so nothing is lost, then sends what is waiting. */
  async enqueue(item: PendingSwipe | PendingAnswers): Promise<void> {
    await this.options.outbox.add(item);
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
    // Its answers go with it: they were given for an application that will not be made.
    for (const answers of this.state.pendingAnswers.filter((a) => a.jobId === jobId)) {
      await this.options.outbox.remove(answers.idempotencyKey);
    }
    if (!swipe) {
      await this.reload();
      return false;
    }
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
    const items = await this.options.outbox.list(this.options.userId);
    this.set({
      pending: items.filter((i): i is PendingSwipe => !isAnswers(i)),
      pendingAnswers: items.filter(isAnswers),
    });
  }

  private async drain(): Promise<void> {
    clearTimeout(this.timer);
    const items = await this.options.outbox.list(this.options.userId);
    for (const item of items) {
      if (this.stopped) return;
      try {
        if (isAnswers(item)) {
          this.set({ offline: false, lastAnswered: { answers: item, application: await this.sendAnswers(item) } });
        } else {
          const response = await this.sendSwipe(item);
          this.set({ offline: false, lastSent: { swipe: item, response } });
        }
        await this.options.outbox.remove(item.idempotencyKey);
        this.failures = 0;
      } catch (err) {
        if (isFinalRefusal(err)) {
          await this.options.outbox.remove(item.idempotencyKey);
          this.set({ refused: [...this.state.refused, { swipe: item, message: err.message }] });
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

  private async sendSwipe(swipe: Pick<PendingSwipe, 'jobId' | 'direction' | 'idempotencyKey'>): Promise<SwipeResponse> {
    const response = await this.options.api.swipe({
      jobId: swipe.jobId,
      direction: swipe.direction,
      idempotencyKey: swipe.idempotencyKey,
    });
    this.applications.set(swipe.idempotencyKey, response.application?.id ?? null);
    return response;
  }

  private async sendAnswers(item: PendingAnswers): Promise<ApplicationSummary | null> {
    const body = { answers: item.answers };
    // Sent before this page loaded: replaying the swipe (same key, same body) names its application.
    const applicationId = this.applications.has(item.swipeKey)
      ? this.applications.get(item.swipeKey)
      : (await this.sendSwipe({ jobId: item.jobId, direction: 'right', idempotencyKey: item.swipeKey })).application
          ?.id;
    try {
      if (applicationId) return await this.options.api.answerApplication(applicationId, body);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'invalid_transition')) throw err;
    }
    // Not waiting for them (deferred by quota, answered elsewhere): kept with the profile's
    // answers, which every later run of a form asking them reads.
    await this.options.api.saveAnswers(body);
    return null;
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
