// The system under test: a fresh database cloned by `createTestDatabase`, a random Redis key
// prefix, and one backend node in its own process. The bench writes fixtures through its own
// Prisma client and talks to the node over loopback, like any client.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type PrismaClient } from '@jobswipe/db';
import { createTestDatabase } from '@jobswipe/db/testing';
import { Redis } from 'ioredis';
import { Api } from '../../test/support/api.ts';
import type { BackendCpu, BackendMemory, BackendReady } from '../children/backend-node.ts';
import { ChildScript } from './child-script.ts';

export interface BenchBackend {
  url: string;
  /** The bench database, for baselines that write to it directly. */
  databaseUrl: string;
  /** Anonymous client; `api.as(token)` acts as a user. */
  api: Api;
  prisma: PrismaClient;
  redisUrl: string;
  /** Prefix of every Redis key the node and the bench's own baselines use. */
  prefix: string;
  /** The Redis keys named `<prefix><pattern>`. */
  keys(pattern: string): Promise<string[]>;
  /** The node process's resident memory and live heap, after a full collection. */
  memory(): Promise<BackendMemory>;
  /** CPU time the node process has used so far, microseconds. */
  cpu(): Promise<number>;
  close(): Promise<void>;
}

const UNLIMITED = '1000000000';

export async function startBenchBackend(options: {
  openFiles: number;
  /** More of the node's configuration (e.g. DATABASE_POOL_MAX). */
  env?: Record<string, string>;
  /** Write the node's V8 CPU profile into this directory when it stops (node --cpu-prof). */
  cpuProfileDir?: string;
}): Promise<BenchBackend> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'jobswipe-bench-'));
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const child = ChildScript.start(new URL('../children/backend-node.ts', import.meta.url), {
    nodeArgs: [
      '--expose-gc',
      ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    ],
    openFiles: options.openFiles,
    env: {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
      // The bench is one client IP and a few users doing far more than a person would.
      AUTH_RATE_LIMIT: UNLIMITED,
      SWIPE_RATE_LIMIT: UNLIMITED,
      PAIR_RATE_LIMIT: UNLIMITED,
      ...options.env,
    },
  });
  const database = openDatabase(db.url, { max: 4 });
  const redis = new Redis(redisUrl);
  const keys = async (pattern: string) => {
    const found: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}${pattern}`, count: 1000 }) as AsyncIterable<
      string[]
    >) {
      found.push(...batch);
    }
    return found;
  };
  const close = async () => {
    await child.stop();
    await database.close();
    await db.drop();
    const left = await keys('*');
    for (let i = 0; i < left.length; i += 1000) await redis.unlink(...left.slice(i, i + 1000));
    redis.disconnect();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const { url } = await child.next<BackendReady>();
    return {
      url,
      api: new Api(url),
      prisma: database.prisma,
      databaseUrl: db.url,
      redisUrl,
      prefix,
      keys,
      memory: () => child.request<BackendMemory>({ type: 'memory' }),
      cpu: async () => (await child.request<BackendCpu>({ type: 'cpu' })).micros,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
