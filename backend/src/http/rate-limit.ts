// Rate limits shared by every backend node through Redis (rate-limiter-flexible's Redis store; a
// window starts at a key's first hit). While Redis is down each node counts on its own in memory
// (limits stay, a little looser) rather than failing requests. A refused request is answered 429
// with Retry-After: the seconds until that key's window ends, when a request is allowed again.
import type { NextFunction, Request, Response } from 'express';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { isRedisReady, type RedisClient } from '../redis/connection.ts';
import { AppError } from './errors.ts';

/**
 * The Lua command rate-limiter-flexible defines on the client when a limiter is made. It must stay
 * out of ioredis' automatic pipelines: one already pending when the command is defined lacks it,
 * and the failure throws outside any promise and kills the process (ioredis issue 1931).
 */
export const RATE_LIMIT_COMMANDS = ['rlflxIncr'];

export interface RateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
  key: (req: Request) => string;
}

export class RateLimiter {
  private readonly limiters = new Map<string, { shared: RateLimiterAbstract; local: RateLimiterAbstract }>();

  constructor(
    private readonly redis: RedisClient | null,
    private readonly prefix: string,
  ) {}

  /** Counts one hit; returns the milliseconds to wait when over the limit, else 0. */
  async hit(rule: RateLimitRule, key: string): Promise<number> {
    const { shared, local } = this.limiterFor(rule);
    try {
      // A Redis that is connected but not answering would hold every request until its timeout.
      await (isRedisReady(this.redis) ? shared : local).consume(key);
      return 0;
    } catch (refused) {
      if (refused instanceof RateLimiterRes) return Math.max(1, refused.msBeforeNext);
      throw refused;
    }
  }

  /** A limit of `limit` requests a minute per `key` (the client's address unless told). */
  perMinute(name: string, limit: number, key: (req: Request) => string = (req) => req.ip ?? 'unknown') {
    return this.middleware({ name, limit, windowMs: 60_000, key });
  }

  middleware(rule: RateLimitRule) {
    return async (req: Request, res: Response, next: NextFunction) => {
      const wait = await this.hit(rule, rule.key(req));
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        res.setHeader('Retry-After', seconds);
        throw new AppError('rate_limited', `Too many requests. Try again in ${seconds} seconds.`);
      }
      next();
    };
  }

  /** The rule's limiter shared through Redis, and this node's own in memory (also its insurance). */
  private limiterFor(rule: RateLimitRule): { shared: RateLimiterAbstract; local: RateLimiterAbstract } {
    const id = `${rule.name}:${rule.limit}:${rule.windowMs}`;
    const known = this.limiters.get(id);
    if (known) return known;
    const options = { points: rule.limit, duration: rule.windowMs / 1000 };
    const local = new RateLimiterMemory(options);
    const shared = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          keyPrefix: `${this.prefix}:rl:${rule.name}`,
          rejectIfRedisNotReady: true,
          insuranceLimiter: local,
        })
      : local;
    const pair = { shared, local };
    this.limiters.set(id, pair);
    return pair;
  }
}
