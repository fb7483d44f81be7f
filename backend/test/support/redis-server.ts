// A Redis of the test's own (the shared one on 6379 must keep running for everyone else), on a
// free port, that the test may flush, kill and restart. No persistence: a restart loses all data.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts Debian's redis-server on loopback, keeping nothing on disk, and resolves once it answers.
 * `extra`: further options (cluster mode, its directory).
 */
export async function spawnRedis(port: number, extra: string[] = []): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      ...extra,
    ],
    { stdio: 'ignore' },
  );
  const client = new Redis(port, '127.0.0.1', {
    lazyConnect: true,
    retryStrategy: () => 50,
    maxRetriesPerRequest: null,
  });
  client.on('error', () => {});
  await client.connect().catch(() => {});
  await client.ping();
  client.disconnect();
  return child;
}

export class TestRedis {
  private process: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.process = await spawnRedis(this.port);
  }

  /** Kills the server (SIGKILL: nothing is saved). */
  async down(): Promise<void> {
    const proc = this.process;
    if (!proc) return;
    this.process = null;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  }

  async pause(): Promise<void> {
    this.process?.kill('SIGSTOP');
  }

  async resume(): Promise<void> {
    this.process?.kill('SIGCONT');
  }

  /** Stops it for good (nothing is kept either way). */
  stop(): Promise<void> {
    return this.down();
  }

  /** Empties it, writing `set` in the same MULTI (so no reader sees it empty without them). */
  async flushAll(set: Record<string, string> = {}): Promise<void> {
    const client = new Redis(this.url);
    const multi = client.multi().flushall();
    for (const [key, value] of Object.entries(set)) multi.set(key, value);
    await multi.exec();
    client.disconnect();
  }

  /** The backend's setting that points at it. */
  get env(): Record<string, string> {
    return { REDIS_URL: this.url };
  }
}
