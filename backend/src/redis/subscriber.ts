// One pub/sub connection per node, shared by everything that listens (web events, work
// notifications). Subscriptions are renewed each time Redis comes back.
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { connectRedis } from './connection.ts';

export class Subscriber {
  private readonly handlers = new Map<string, (message: string) => void>();
  private readonly redis: Redis;

  constructor(url: string, log: Logger, name: string) {
    this.redis = connectRedis(url, log, name);
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
