// Per-ATS-host rate limits of the server lane, shared by every worker through Redis (one atomic
// script, take-host-slot.lua): no host gets more applications from us in any window than its
// limit. A worker over the limit waits for a slot rather than applying (or, when the slot is far
// off, says so and the caller puts the application off). While Redis is down each
// worker keeps the limit on its own (looser across workers, never off).
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../logger.ts';
import type { RedisClient } from '../redis/connection.ts';
import { isRedisReady } from '../redis/connection.ts';
import type { RedisKeys } from '../redis/keys.ts';

const SCRIPT = readFileSync(new URL('./take-host-slot.lua', import.meta.url), 'utf8');
const SHA = createHash('sha1').update(SCRIPT).digest('hex');

export interface HostRateOptions {
  /** Applications per window for hosts without an override. */
  perMinute: number;
  /** host or host:port (lower case) → applications per window. */
  overrides: Record<string, number>;
  /** The window the limits count over: a minute unless told (tests shorten it). */
  windowMs?: number;
}

export class HostRateLimiter {
  readonly windowMs: number;
  private readonly local = new Map<string, number[]>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly options: HostRateOptions,
    private readonly log: Logger,
  ) {
    this.windowMs = options.windowMs ?? 60_000;
  }

  limitFor(host: string): number {
    const h = host.toLowerCase();
    return this.options.overrides[h] ?? this.options.overrides[h.replace(/:\d+$/, '')] ?? this.options.perMinute;
  }

  /** Takes a slot of `host` if one is free (0), else says how many ms until one frees up. */
  async tryTake(host: string): Promise<number> {
    const limit = this.limitFor(host);
    if (isRedisReady(this.redis)) {
      try {
        return Number(await this.takeShared(this.keys.hostRate(host.toLowerCase()), limit));
      } catch (err) {
        this.log.warn({ err: (err as Error).message, host }, 'host rate limit: Redis failed; limiting locally');
      }
    }
    return this.takeLocally(host.toLowerCase(), limit);
  }

  /**
   * Takes a slot of `host`, waiting for one (telling `onWait` how long) while the wait is at most
   * `maxWaitMs`. Resolves to 0 once it holds the slot, or to a longer wait it would not sit out.
   */
  async take(
    host: string,
    signal: AbortSignal,
    onWait: (waitMs: number) => Promise<void>,
    maxWaitMs = Number.POSITIVE_INFINITY,
  ): Promise<number> {
    for (;;) {
      const waitMs = await this.tryTake(host);
      if (waitMs === 0 || waitMs > maxWaitMs) return waitMs;
      await onWait(waitMs);
      await delay(waitMs, undefined, { signal });
    }
  }

  private async takeShared(key: string, limit: number): Promise<unknown> {
    const args = [key, limit, this.windowMs, randomUUID()] as const;
    try {
      return await this.redis.evalsha(SHA, 1, ...args);
    } catch (err) {
      if (!(err instanceof Error && err.message.startsWith('NOSCRIPT'))) throw err;
      return this.redis.eval(SCRIPT, 1, ...args);
    }
  }

  private takeLocally(host: string, limit: number): number {
    const now = Date.now();
    const grants = (this.local.get(host) ?? []).filter((t) => t > now - this.windowMs);
    this.local.set(host, grants);
    if (grants.length < limit) {
      grants.push(now);
      return 0;
    }
    return Math.max(1, grants[0]! + this.windowMs - now);
  }
}
