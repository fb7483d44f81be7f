// The API's rate limits (rate-limiter-flexible on Redis): every 429 says how long to wait, and
// after that wait the next request is let through; with Redis gone each node keeps limiting.
import { randomBytes } from 'node:crypto';
import type { ErrorBody } from '@jobswipe/protocol';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter, type RateLimitRule } from '../src/http/rate-limit.ts';
import { startTestBackend } from './support/backend.ts';
import { TestRedis } from './support/redis-server.ts';

let redis: TestRedis;
let client: Redis;

beforeAll(async () => {
  redis = await TestRedis.start();
  client = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  client.on('error', () => {});
  await client.ping();
});
afterAll(async () => {
  client.disconnect();
  await redis.down();
});

const rule = (limit: number, windowMs: number): RateLimitRule => ({
  name: `t${randomBytes(3).toString('hex')}`,
  limit,
  windowMs,
  key: () => 'k',
});

describe('a rate limit', () => {
  it('lets the next request through once the wait it announced has passed, however hard it was hit', async () => {
    const limiter = new RateLimiter(client, `t${randomBytes(4).toString('hex')}`);
    const limit = rule(2, 2_000);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) waits.push(await limiter.hit(limit, 'someone'));
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    const last = waits.at(-1) as number;
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThanOrEqual(2_000);
    await new Promise((r) => setTimeout(r, last));
    expect(await limiter.hit(limit, 'someone')).toBe(0);
    // Another key was never limited.
    expect(await limiter.hit(limit, 'someone else')).toBe(0);
  });

  it('is shared by every node through Redis', async () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const limit = rule(2, 60_000);
    const [a, b] = [new RateLimiter(client, prefix), new RateLimiter(client, prefix)];
    expect([await a.hit(limit, 'x'), await b.hit(limit, 'x')]).toEqual([0, 0]);
    expect(await a.hit(limit, 'x')).toBeGreaterThan(0);
    expect(await b.hit(limit, 'x')).toBeGreaterThan(0);
  });

  it('keeps limiting on each node while Redis is down', async () => {
    const own = await TestRedis.start();
    const lost = new Redis(own.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    lost.on('error', () => {});
    try {
      await lost.ping();
      await own.down();
      await expect.poll(() => lost.status).not.toBe('ready');
      const limiter = new RateLimiter(lost, 't');
      const limit = rule(2, 60_000);
      const waits = [await limiter.hit(limit, 'x'), await limiter.hit(limit, 'x'), await limiter.hit(limit, 'x')];
      expect(waits.slice(0, 2)).toEqual([0, 0]);
      expect(waits[2]).toBeGreaterThan(0);
    } finally {
      lost.disconnect();
    }
  });
});

describe("the node's own Redis connection", () => {
  it('counts a first hit made while other commands wait in the same automatic pipeline', async () => {
    const backend = await startTestBackend();
    try {
      const { redis: shared, rateLimiter } = backend.node.ctx;
      // A command pending in this tick's pipeline, then a limiter defined and used in the same tick.
      const pending = shared.get(`${backend.env.REDIS_PREFIX}:nothing`);
      expect(await rateLimiter.hit(rule(5, 60_000), 'first')).toBe(0);
      expect(await pending).toBeNull();
    } finally {
      await backend.close();
    }
  });
});

describe('a 429', () => {
  it('carries Retry-After in whole seconds, matching its message', async () => {
    const backend = await startTestBackend({ AUTH_RATE_LIMIT: '2' });
    try {
      const attempt = () =>
        backend.api.post<ErrorBody>('/v1/auth/login', { email: 'nobody@example.com', password: 'whatever' });
      expect([(await attempt()).status, (await attempt()).status]).toEqual([401, 401]);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      const seconds = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(seconds)).toBe(true);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(refused.body.error).toMatchObject({
        code: 'rate_limited',
        message: `Too many requests. Try again in ${seconds} seconds.`,
      });
    } finally {
      await backend.close();
    }
  });
});
