// `npm run bench:reaper` (part of `npm run bench`): what one reaper sweep
// (cleanPending) costs with 100 and with 100,000 idle users, each with a device stream and its
// group but nothing in flight, beside the same 50 users with an entry pending. Against a Redis of
// the bench's own and a fresh database. For contrast, the sweep as it was before the pending index:
// every user's stream walked from one global set. Prints wall time and Redis commands per sweep,
// and the 100,000 : 100 ratio; writes artifacts/bench/reaper.json. Asserts nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@jobswipe/db/testing';
import { distribution } from '@jobswipe/testkit/stats';
import { loadConfig } from '../src/config.ts';
import { type AppContext, createContext } from '../src/context.ts';
import { WorkStreams } from '../src/delivery/work-streams.ts';
import { cleanPending } from '../src/recovery/reaper.ts';
import { waitForRedis } from '../src/redis/connection.ts';
import { DEVICE_GROUP } from '../src/redis/keys.ts';
import { TestRedis } from '../test/support/redis-server.ts';
import { currentLoad, machine } from './support/report.ts';

const ACTIVE = 50;
const SIZES = [100, 100_000];
const SWEEPS = 15;
const BASELINE_SWEEPS = 3;
const OUTPUT = new URL('../../artifacts/bench/reaper.json', import.meta.url);

interface SweepCost {
  idleUsers: number;
  wallMsP50: number;
  redisCommands: number;
  baselineWallMsP50: number;
  baselineRedisCommands: number;
}

async function commandsProcessed(ctx: AppContext): Promise<number> {
  const info = await ctx.redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1]);
}

/** Idle users: a device stream with its group, nothing pending (what every past user leaves). */
async function addIdleUsers(ctx: AppContext, count: number, everyone: string): Promise<void> {
  for (let done = 0; done < count; done += 1_000) {
    const pipeline = ctx.redis.pipeline();
    for (let i = done; i < Math.min(count, done + 1_000); i++) {
      const userId = randomUUID();
      pipeline.xgroup('CREATE', ctx.keys.deviceStream(userId), DEVICE_GROUP, '0', 'MKSTREAM');
      pipeline.sadd(everyone, userId);
    }
    await pipeline.exec();
  }
}

/** Active users: an entry handed to a device that has not finished it (listed in a pending index). */
async function addActiveUsers(ctx: AppContext, streams: WorkStreams, everyone: string): Promise<void> {
  for (let i = 0; i < ACTIVE; i++) {
    const userId = randomUUID();
    await streams.publish({ applicationId: randomUUID(), userId, lane: 'device', priority: 0 });
    const mark = { index: ctx.keys.pendingIndexOf(userId), member: userId };
    await streams.read(ctx.keys.deviceStream(userId), DEVICE_GROUP, 'a-device', 1, '>', mark);
    await ctx.redis.sadd(everyone, userId);
  }
}

/** The sweep before the pending index: every user's stream, from one global set, every time. */
async function walkEveryUser(ctx: AppContext, streams: WorkStreams, everyone: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, users] = await ctx.redis.sscan(everyone, cursor, 'COUNT', 200);
    cursor = next;
    for (const userId of users) {
      const stream = ctx.keys.deviceStream(userId);
      await streams.autoclaim(stream, DEVICE_GROUP, 'reaper', ctx.config.DEVICE_LEASE_MS);
      await ctx.redis.xinfo('CONSUMERS', stream, DEVICE_GROUP);
    }
  } while (cursor !== '0');
}

async function measure(ctx: AppContext, sweeps: number, sweep: () => Promise<unknown>) {
  const walls: number[] = [];
  const before = await commandsProcessed(ctx);
  for (let i = 0; i < sweeps; i++) {
    const start = performance.now();
    await sweep();
    walls.push(performance.now() - start);
  }
  // The INFO commands of the meter itself: one at each end.
  const commands = Math.round(((await commandsProcessed(ctx)) - before - 1) / sweeps);
  return { wallMsP50: Math.round(distribution(walls).p50 * 100) / 100, commands };
}

async function main() {
  const loadAtStart = currentLoad();
  const redis = await TestRedis.start();
  const db = await createTestDatabase();
  const results: SweepCost[] = [];
  try {
    for (const idleUsers of SIZES) {
      await redis.flushAll();
      const config = loadConfig({
        REDIS_URL: redis.url,
        REDIS_PREFIX: `b${randomBytes(4).toString('hex')}`,
        LOG_LEVEL: 'warn',
        DATA_DIR: `/tmp/jobswipe-reaper-bench-${randomBytes(4).toString('hex')}`,
        JWT_SECRET: randomBytes(32).toString('hex'),
        ACCOUNTS_KEY: randomBytes(32).toString('hex'),
      });
      const ctx = createContext(config, db.url);
      try {
        await waitForRedis(ctx.redis, 5_000);
        const streams = new WorkStreams(ctx.redis, ctx.keys);
        const everyone = `${config.REDIS_PREFIX}:every-user`;
        await addIdleUsers(ctx, idleUsers, everyone);
        await addActiveUsers(ctx, streams, everyone);
        const ours = await measure(ctx, SWEEPS, () => cleanPending(ctx, streams, []));
        const before = await measure(ctx, BASELINE_SWEEPS, () => walkEveryUser(ctx, streams, everyone));
        results.push({
          idleUsers,
          wallMsP50: ours.wallMsP50,
          redisCommands: ours.commands,
          baselineWallMsP50: before.wallMsP50,
          baselineRedisCommands: before.commands,
        });
      } finally {
        await ctx.close();
      }
    }
  } finally {
    await db.drop();
    await redis.down();
  }
  const [small, large] = results as [SweepCost, SweepCost];
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  console.log(`reaper sweep, ${ACTIVE} users with an entry in flight, p50 of ${SWEEPS} sweeps:`);
  for (const r of results) {
    console.log(
      `  ${String(r.idleUsers).padStart(7)} idle users: ${r.wallMsP50} ms, ${r.redisCommands} Redis commands` +
        `   (walking every user, as before: ${r.baselineWallMsP50} ms, ${r.baselineRedisCommands} commands)`,
    );
  }
  console.log(
    `  100,000 : 100 idle users: ${ratio(large.wallMsP50, small.wallMsP50)}x wall time, ` +
      `${ratio(large.redisCommands, small.redisCommands)}x commands ` +
      `(as before: ${ratio(large.baselineWallMsP50, small.baselineWallMsP50)}x, ${ratio(large.baselineRedisCommands, small.baselineRedisCommands)}x)`,
  );
  await mkdir(dirname(fileURLToPath(OUTPUT)), { recursive: true });
  await writeFile(
    OUTPUT,
    `${JSON.stringify({ machine: machine({ atStart: loadAtStart, atEnd: currentLoad() }), active: ACTIVE, results }, null, 2)}\n`,
  );
}

await main();
