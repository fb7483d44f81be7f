// `npm run bench:reaper` (part of `npm run bench`): what one reaper sweep
// (cleanPending) costs with 100 and with 100,000 idle users, each with a device stream and its
// group but nothing in flight, beside the same 50 users with an entry pending. Against a Redis of
// the bench's own and a fresh database. For contrast, the sweep as it was before the pending index:
// every user's stream walked from one global set. Beside it, one reconciliation sweep
// (recovery/reconcile.ts) with the same users in Postgres: each idle user with a submitted
// application, each of the 50 with a queued one whose entry is pending. Prints wall time and Redis
// commands per sweep, the buffers the reconciliation's query touched, and the 100,000 : 100 ratio;
// writes artifacts/bench/reaper.json. Asserts nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Prisma } from '@jobswipe/db';
import { createTestDatabase } from '@jobswipe/db/testing';
import { distribution } from '@jobswipe/testkit/stats';
import { loadConfig } from '../src/config.ts';
import { type AppContext, createContext } from '../src/context.ts';
import { WorkStreams } from '../src/delivery/work-streams.ts';
import { cleanPending } from '../src/recovery/reaper.ts';
import { candidatesQuery, reconcileOptions, StreamReconciler } from '../src/recovery/reconcile.ts';
import { waitForRedis } from '../src/redis/connection.ts';
import { DEVICE_GROUP } from '../src/redis/keys.ts';
import { createJobs } from '../test/support/factories.ts';
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
  reconcileWallMsP50: number;
  reconcileRedisCommands: number;
  reconcileQueryBuffers: number;
  reconcileQueryPlan: string;
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

/**
 * The same users in Postgres, as the reconciliation sees them: each idle user with a submitted
 * application, each active one with an application queued ten minutes ago. Returns the active ids.
 */
async function addUsersInPostgres(ctx: AppContext, idleUsers: number): Promise<{ id: string; userId: string }[]> {
  const [job] = await createJobs(ctx.db.prisma, 1);
  const insert = (count: number, status: string) =>
    ctx.db.prisma.$queryRawUnsafe<{ id: string; user_id: string }[]>(
      `with u as (
       insert into users (email, password_hash)
       select 'bench-' || gen_random_uuid() || '@example.test', 'not-a-hash' from generate_series(1, $1)
       returning id
     )
     insert into applications (user_id, job_id, status, lane, available_at, updated_at)
     select u.id, $2::uuid, $3::application_status, 'device', now() - interval '10 minutes', now() - interval '10 minutes'
     from u returning id, user_id`,
      count,
      job?.id,
      status,
    );
  await insert(idleUsers, 'SUBMITTED');
  const active = await insert(ACTIVE, 'QUEUED');
  await ctx.db.prisma.$executeRawUnsafe('analyze applications');
  return active.map((r) => ({ id: r.id, userId: r.user_id }));
}

/**
 * What the reconciliation's query of queued applications costs Postgres: the buffers (8 KB pages)
 * it touched and the plan's access path, from EXPLAIN (ANALYZE, BUFFERS) of the query it runs.
 */
async function candidatesQueryCost(ctx: AppContext): Promise<{ buffers: number; plan: string }> {
  const [row] = await ctx.db.prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`explain (analyze, buffers, format json) ${candidatesQuery(null, reconcileOptions(ctx))}`,
  );
  const plan = row?.['QUERY PLAN'][0].Plan;
  const nodes = (node: PlanNode | undefined): string[] =>
    node
      ? [
          `${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}`,
          ...(node.Plans ?? []).flatMap(nodes),
        ]
      : [];
  return {
    buffers: (plan?.['Shared Hit Blocks'] ?? 0) + (plan?.['Shared Read Blocks'] ?? 0),
    plan: nodes(plan).join(' > '),
  };
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

/** Active users: an entry handed to a device that has not finished it (listed in a pending index). */
async function addActiveUsers(
  ctx: AppContext,
  streams: WorkStreams,
  everyone: string,
  active: { id: string; userId: string }[],
): Promise<void> {
  for (const { id, userId } of active) {
    await streams.publish({ applicationId: id, userId, lane: 'device', priority: 0 });
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
  const results: SweepCost[] = [];
  try {
    for (const idleUsers of SIZES) {
      await redis.flushAll();
      const db = await createTestDatabase();
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
        await addActiveUsers(ctx, streams, everyone, await addUsersInPostgres(ctx, idleUsers));
        const ours = await measure(ctx, SWEEPS, () => cleanPending(ctx, streams, []));
        const before = await measure(ctx, BASELINE_SWEEPS, () => walkEveryUser(ctx, streams, everyone));
        const reconciler = new StreamReconciler(ctx, streams, reconcileOptions(ctx));
        const reconcile = await measure(ctx, SWEEPS, async () => {
          // Every queued application has its entry: a sweep that delivered one again would be wrong here.
          if ((await reconciler.sweep()) !== 0) throw new Error('reconciliation delivered again an entry that exists');
        });
        const query = await candidatesQueryCost(ctx);
        results.push({
          idleUsers,
          wallMsP50: ours.wallMsP50,
          redisCommands: ours.commands,
          baselineWallMsP50: before.wallMsP50,
          baselineRedisCommands: before.commands,
          reconcileWallMsP50: reconcile.wallMsP50,
          reconcileRedisCommands: reconcile.commands,
          reconcileQueryBuffers: query.buffers,
          reconcileQueryPlan: query.plan,
        });
      } finally {
        await ctx.close();
        await db.drop();
      }
    }
  } finally {
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
    `reconciliation sweep (the ${ACTIVE} queued applications checked against their streams), p50 of ${SWEEPS}:`,
  );
  for (const r of results) {
    console.log(
      `  ${String(r.idleUsers).padStart(7)} idle users: ${r.reconcileWallMsP50} ms, ${r.reconcileRedisCommands} Redis commands, ` +
        `its query of queued applications ${r.reconcileQueryBuffers} buffers (${r.reconcileQueryPlan})`,
    );
  }
  console.log(
    `  100,000 : 100 idle users: ${ratio(large.reconcileWallMsP50, small.reconcileWallMsP50)}x wall time, ` +
      `${ratio(large.reconcileRedisCommands, small.reconcileRedisCommands)}x commands, ` +
      `${ratio(large.reconcileQueryBuffers, small.reconcileQueryBuffers)}x query buffers`,
  );
  console.log(
    `reaper sweep, 100,000 : 100 idle users: ${ratio(large.wallMsP50, small.wallMsP50)}x wall time, ` +
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
