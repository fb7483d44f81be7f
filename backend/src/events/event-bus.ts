// Live events for the web. A change is published once to Redis; every node receives it and
// hands it to its own sockets of that user, so any node can serve any user. While Redis is down,
// events reach the sockets of the node that made the change.
import type { Application } from '@jobswipe/db';
import type { ApplicationStatus } from '@jobswipe/protocol';
import type { ApplicationState, EventsServerMessage } from '@jobswipe/protocol/events';
import type { Logger } from '../logger.ts';
import type { RedisClient } from '../redis/connection.ts';
import { isRedisReady } from '../redis/connection.ts';
import type { RedisKeys } from '../redis/keys.ts';
import type { Subscriber } from '../redis/subscriber.ts';

type Listener = (event: EventsServerMessage) => void;

/** One socket's subscription: its events, and what to do when its sign-in ends (null: none). */
interface Subscription {
  sessionId: string | null;
  send: Listener;
  ended(): void;
}

/** An event for a user's sockets, or the end of one of the user's sign-ins. */
type Envelope = { userId: string; event: EventsServerMessage } | { userId: string; endedSession: string };

export function applicationState(app: Application): ApplicationState {
  return {
    id: app.id,
    status: app.status,
    lane: app.lane,
    attempt: app.attempt,
    executor: app.leaseOwner,
    progressStep: app.progressStep,
    progressPct: app.progressPct,
    lastError: app.lastError,
    errorClass: app.errorClass,
    updatedAt: app.updatedAt.toISOString(),
  };
}

export class EventBus {
  private readonly listeners = new Map<string, Set<Subscription>>();

  constructor(
    private readonly redis: RedisClient | null,
    private readonly keys: RedisKeys,
    private readonly log: Logger,
  ) {}

  async start(subscriber: Subscriber): Promise<void> {
    await subscriber.subscribe(this.keys.eventsChannel(), (raw) => this.deliver(JSON.parse(raw) as Envelope));
  }

  /** A user's events; a subscription with a sign-in also hears when that sign-in ends. */
  listen(userId: string, listener: Listener | Subscription): () => void {
    const subscription =
      typeof listener === 'function' ? { sessionId: null, send: listener, ended: () => {} } : listener;
    const set = this.listeners.get(userId) ?? new Set();
    set.add(subscription);
    this.listeners.set(userId, set);
    return () => {
      set.delete(subscription);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  publish(userId: string, event: EventsServerMessage): Promise<void> {
    return this.send({ userId, event });
  }

  /** A sign-in ended (sign-out): the sockets it opened close, on every node. */
  endSession(userId: string, sessionId: string): Promise<void> {
    return this.send({ userId, endedSession: sessionId });
  }

  private async send(envelope: Envelope): Promise<void> {
    if (isRedisReady(this.redis)) {
      try {
        await this.redis.publish(this.keys.eventsChannel(), JSON.stringify(envelope));
        return;
      } catch (err) {
        this.log.debug({ err }, 'event publish failed: delivering on this node only');
      }
    }
    this.deliver(envelope);
  }

  applicationChanged(
    app: Application,
    kind: 'status' | 'progress',
    from: ApplicationStatus | null,
    message: string | null,
  ) {
    return this.publish(app.userId, {
      type: 'application',
      kind,
      from,
      message,
      application: applicationState(app),
      at: new Date().toISOString(),
    });
  }

  private deliver(envelope: Envelope): void {
    for (const subscription of [...(this.listeners.get(envelope.userId) ?? [])]) {
      if ('event' in envelope) subscription.send(envelope.event);
      else if (subscription.sessionId === envelope.endedSession) subscription.ended();
    }
  }
}
