// Live events for the web. A change is published once to Redis; every node receives it and
// hands it to its own sockets of that user, so any node can serve any user. While Redis is down,
// events reach the sockets of the node that made the change.
import type { Application } from '@jobswipe/db';
import type { ApplicationStatus } from '@jobswipe/protocol';
import type { ApplicationState, EventsServerMessage } from '@jobswipe/protocol/events';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { isRedisReady } from '../redis/connection.ts';
import type { RedisKeys } from '../redis/keys.ts';
import type { Subscriber } from '../redis/subscriber.ts';

type Listener = (event: EventsServerMessage) => void;

interface Envelope {
  userId: string;
  event: EventsServerMessage;
}

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
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly redis: Redis | null,
    private readonly keys: RedisKeys,
    private readonly log: Logger,
  ) {}

  async start(subscriber: Subscriber): Promise<void> {
    await subscriber.subscribe(this.keys.eventsChannel(), (raw) => {
      const { userId, event } = JSON.parse(raw) as Envelope;
      this.deliver(userId, event);
    });
  }

  listen(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  async publish(userId: string, event: EventsServerMessage): Promise<void> {
    if (isRedisReady(this.redis)) {
      try {
        await this.redis.publish(this.keys.eventsChannel(), JSON.stringify({ userId, event } satisfies Envelope));
        return;
      } catch (err) {
        this.log.debug({ err }, 'event publish failed: delivering on this node only');
      }
    }
    this.deliver(userId, event);
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

  private deliver(userId: string, event: EventsServerMessage): void {
    for (const listener of this.listeners.get(userId) ?? []) listener(event);
  }
}
