import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { HostRateLimiter, type HostRateOptions } from '../../src/rate-limits/host-rate-limit.ts';
import { connectRedis, type RedisClient, waitForRedis } from '../../src/redis/connection.ts';
import { RedisKeys } from '../../src/redis/keys.ts';

const log = createLogger('silent');
const connections: RedisClient[] = [];
afterAll(() => {
  for (const c of connections) c.disconnect();
});

/** Limiters as separate workers have them: each its own connection, one shared key prefix. */
async function workers(count: number, options: HostRateOptions, url = 'redis://127.0.0.1:6379') {
  const keys = new RedisKeys(`t${randomBytes(4).toString('hex')}`);
  const limiters: HostRateLimiter[] = [];
  for (let i = 0; i < count; i++) {
    const redis = connectRedis({ REDIS_URL: url }, log);
    connections.push(redis);
    await waitForRedis(redis, 1_000);
    limiters.push(new HostRateLimiter(redis, keys, options, log));
  }
  return limiters;
}

describe('the per-host rate limit', () => {
  it('grants a host exactly its limit across workers asking at once, and says how long until the next slot', async () => {
    const [a, b] = await workers(2, { perMinute: 3, overrides: {} });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a! : b!).tryTake('boards.example.com')),
    );
    expect(answers.filter((w) => w === 0)).toHaveLength(3);
    for (const wait of answers.filter((w) => w > 0)) {
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60_000);
    }
    expect(await a!.tryTake('jobs.other.example')).toBe(0);
  });

  it('applies per-host overrides, by host:port or by host name alone', async () => {
    const [limiter] = await workers(1, {
      perMinute: 5,
      overrides: { 'boards.example.com': 1, '127.0.0.1:4100': 2 },
    });
    expect(limiter!.limitFor('Boards.Example.com:8443')).toBe(1);
    expect(limiter!.limitFor('127.0.0.1:4100')).toBe(2);
    expect(limiter!.limitFor('127.0.0.1:4101')).toBe(5);
    expect(await limiter!.tryTake('boards.example.com:8443')).toBe(0);
    expect(await limiter!.tryTake('boards.example.com:8443')).toBeGreaterThan(0);
  });

  it('makes a worker over the limit wait for the slot the window frees, then take it', async () => {
    const [a, b] = await workers(2, { perMinute: 1, overrides: {}, windowMs: 400 });
    await a!.take('boards.example.com', AbortSignal.timeout(5_000), async () => {});
    const waits: number[] = [];
    await b!.take('boards.example.com', AbortSignal.timeout(5_000), async (ms) => {
      waits.push(ms);
    });
    expect(waits.length).toBeGreaterThan(0);
    expect(await a!.tryTake('boards.example.com')).toBeGreaterThan(0);
  });

  it('does not sit out a wait longer than the caller will hold on: it says how long, and takes no slot', async () => {
    const [a, b] = await workers(2, { perMinute: 1, overrides: {} });
    expect(await a!.take('boards.example.com', AbortSignal.timeout(5_000), async () => {}, 10_000)).toBe(0);
    const told: number[] = [];
    const wait = await b!.take(
      'boards.example.com',
      AbortSignal.timeout(5_000),
      async (ms) => {
        told.push(ms);
      },
      10_000,
    );
    expect(wait).toBeGreaterThan(10_000);
    expect(told).toEqual([]);
    // Nothing was taken: the host still has its one grant this minute, not two.
    expect(await a!.tryTake('boards.example.com')).toBeGreaterThan(10_000);
  });

  it('stops waiting when the attempt is stopped', async () => {
    const [limiter] = await workers(1, { perMinute: 1, overrides: {} });
    await limiter!.take('boards.example.com', AbortSignal.timeout(5_000), async () => {});
    const stop = new AbortController();
    const waiting = limiter!.take('boards.example.com', stop.signal, async () =>
      stop.abort(new Error('shutting down')),
    );
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('keeps limiting on its own while Redis is unreachable', async () => {
    const [limiter] = await workers(1, { perMinute: 2, overrides: {} }, 'redis://127.0.0.1:1');
    expect([await limiter!.tryTake('h'), await limiter!.tryTake('h')]).toEqual([0, 0]);
    expect(await limiter!.tryTake('h')).toBeGreaterThan(0);
  });

  it('reads per-host overrides from HOST_RATE_LIMITS, and stops start-up on a bad one saying how to write it', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/x', HOST_RATE_LIMITS: 'Boards.Greenhouse.io=10, jobs.lever.co:443=5' });
    expect(config.HOST_RATE_LIMITS).toEqual({ 'boards.greenhouse.io': 10, 'jobs.lever.co:443': 5 });
    expect(() => loadConfig({ DATA_DIR: '/tmp/x', HOST_RATE_LIMITS: 'boards.greenhouse.io:10' })).toThrow(
      /HOST_RATE_LIMITS: "boards\.greenhouse\.io:10" is not host=perMinute \(e\.g\. boards\.greenhouse\.io=10\)/,
    );
  });
});
