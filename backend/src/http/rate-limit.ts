// Sliding-window rate limits (the previous window's count, weighted by how much of it still
// overlaps, plus the current one: no burst of twice the limit across a window edge), shared by
// every backend node through Redis. While Redis is down each node counts on its own (limits stay,
// a little looser) rather than failing requests.
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { isRedisReady } from '../redis/connection.ts';
import { AppError } from './errors.ts';

export interface RateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
  key: (req: Request) => string;
}

export class RateLimiter {
  private readonly local = new Map<string, { count: number; expiresAt: number }>();

  constructor(
    private readonly redis: Redis | null,
    private readonly prefix: string,
  ) {}

  /** Counts one hit; returns the milliseconds to wait when over the limit, else 0. */
  async hit(rule: RateLimitRule, key: string): Promise<number> {
    const now = Date.now();
    const window = Math.floor(now / rule.windowMs);
    const base = `${this.prefix}:rl:${rule.name}:${key}`;
    const [current, previous] = await this.count(`${base}:${window}`, `${base}:${window - 1}`, rule.windowMs);
    const overlap = 1 - (now % rule.windowMs) / rule.windowMs;
    if (previous * overlap + current <= rule.limit) return 0;
    return (window + 1) * rule.windowMs - now;
  }

  /** Counts the hit in the current window; returns [current, previous] window counts. */
  private async count(currentId: string, previousId: string, windowMs: number): Promise<[number, number]> {
    if (isRedisReady(this.redis)) {
      try {
        const replies = await this.redis
          .multi()
          .incr(currentId)
          .pexpire(currentId, 2 * windowMs)
          .get(previousId)
          .exec();
        return [Number(replies?.[0]?.[1] ?? 0), Number(replies?.[2]?.[1] ?? 0)];
      } catch {
        // Fall through to the local count.
      }
    }
    return this.countLocally(currentId, previousId, windowMs);
  }

  /** A limit of `limit` requests a minute per `key` (the client's address unless told). */
  perMinute(name: string, limit: number, key: (req: Request) => string = (req) => req.ip ?? 'unknown') {
    return this.middleware({ name, limit, windowMs: 60_000, key });
  }

  middleware(rule: RateLimitRule) {
    return async (req: Request, res: Response, next: NextFunction) => {
      const wait = await this.hit(rule, rule.key(req));
      if (wait > 0) {
        res.setHeader('Retry-After', Math.ceil(wait / 1000));
        throw new AppError('rate_limited', `Too many requests. Try again in ${Math.ceil(wait / 1000)} seconds.`);
      }
      next();
    };
  }

  private countLocally(currentId: string, previousId: string, windowMs: number): [number, number] {
    const now = Date.now();
    if (this.local.size > 10_000) for (const [k, v] of this.local) if (v.expiresAt <= now) this.local.delete(k);
    const entry = this.local.get(currentId) ?? { count: 0, expiresAt: now + 2 * windowMs };
    entry.count += 1;
    this.local.set(currentId, entry);
    return [entry.count, this.local.get(previousId)?.count ?? 0];
  }
}
