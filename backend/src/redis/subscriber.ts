// One pub/sub connection per node, shared by everything that listens (web events, work
// notifications). Subscriptions are renewed each time Redis comes back. In a Redis Cluster this
// is classic pub/sub: a PUBLISH on any node reaches subscribers on every node, and ioredis moves
// the subscriptions to another node when theirs fails. Sharded pub/sub would spread the messages
// over the shards, but a node's few channels carry little (a nudge per user with new work, web
// events) and every node needs the broadcast ones (grace, events) anyway.
import type { Logger } from '../logger.ts';
import { connectRedis, type RedisClient, type RedisTarget } from './connection.ts';

export class Subscriber {
  private readonly handlers = new Map<string, (message: string) => void>();
  private readonly redis: RedisClient;

  constructor(target: RedisTarget, log: Logger, name: string) {
    this.redis = connectRedis(target, log, name);
    this.redis.on('ready', () => {
      if (this.handlers.size) this.redis.subscribe(...this.handlers.keys()).catch(() => {});
    });
    this.redis.on('message', (channel: string, message: string) => {
      try {
        this.handlers.get(channel)?.(message);
      } catch (err) {
        log.warn({ err, channel }, 'pub/sub handler failed');
      }
    });
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    this.handlers.set(channel, handler);
    if (this.redis.status === 'ready') await this.redis.subscribe(channel).catch(() => {});
  }

  close(): void {
    this.redis.disconnect();
  }
}
