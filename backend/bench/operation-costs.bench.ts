// `npm run bench -w @jobswipe/backend` (also alone: npx tsx backend/bench/operation-costs.bench.ts):
// what each delivery operation costs, for the capacity plan in docs/scaling.md. One backend node in
// its own process against a fresh database and a Redis server of the bench's own; every operation
// goes through the real interfaces (HTTP for the swipe, the device WebSocket for offer, claim,
// heartbeat and result, the relay for outbox publishing). For each: wall time per operation done
// one at a time, and the CPU it took in the node, in Postgres (the backends serving the bench
// database, read from /proc) and in Redis (INFO cpu). Writes artifacts/bench/operation-costs.json.
// About a minute of CPU; asserts nothing.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distribution } from '@jobswipe/testkit/stats';
import { Redis } from 'ioredis';
import pg from 'pg';
import { signUp } from '../test/support/api.ts';
import { pairDevice, RawDevice } from '../test/support/devices.ts';
import { createJobs } from '../test/support/factories.ts';
import { TestRedis } from '../test/support/redis-server.ts';
import { measureIdleConnectionMemory } from './measures/idle-connection-memory.ts';
import { type BenchBackend, startBenchBackend } from './support/bench-backend.ts';
import { timedSwipe } from './support/timed-swipe.ts';

const SWIPES = 200;
const CAPACITY = 10;
const PUBLISH_ROUNDS = 5;
const IDLE_CONNECTIONS = 5_000;
const OUTPUT = new URL('../../artifacts/bench/operation-costs.json', import.meta.url);
const CLOCK_TICK_US = 10_000;

interface Cpu {
  node: number;
  postgres: number;
  redis: number;
}

export interface OperationCost {
  operation: string;
  count: number;
  /** Wall time of one operation, done one at a time, ms (p50). */
  wallMsP50: number;
  /** CPU per operation, ms. */
  nodeCpuMs: number;
  postgresCpuMs: number;
  redisCpuMs: number;
}

/** CPU used so far by the node, the Postgres backends of its database (but the meter's own) and Redis. */
class CpuMeter {
  private constructor(
    private readonly backend: BenchBackend,
    private readonly client: pg.Client,
    private readonly redis: Redis,
  ) {}

  static async start(backend: BenchBackend, databaseUrl: string, redisUrl: string): Promise<CpuMeter> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return new CpuMeter(backend, client, new Redis(redisUrl));
  }

  async sample(): Promise<Cpu> {
    const { rows } = await this.client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    let ticks = 0;
    for (const { pid } of rows) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields) ticks += Number(fields[11]) + Number(fields[12]);
    }
    const info = await this.redis.info('cpu');
    const seconds = (name: string) => Number(info.match(new RegExp(`^${name}:([\\d.]+)`, 'm'))?.[1] ?? 0);
    return {
      node: await this.backend.cpu(),
      postgres: ticks * CLOCK_TICK_US,
      redis: Math.round((seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1e6),
    };
  }

  async close(): Promise<void> {
    await this.client.end();
    this.redis.disconnect();
  }
}

/** Adds up CPU over separate stretches of one operation (the rounds of the device phases). */
class Tally {
  readonly cpu: Cpu = { node: 0, postgres: 0, redis: 0 };
  readonly walls: number[] = [];
  count = 0;

  add(before: Cpu, after: Cpu, operations: number, wallMsEach: number[]): void {
    for (const key of ['node', 'postgres', 'redis'] as const) this.cpu[key] += after[key] - before[key];
    this.count += operations;
    this.walls.push(...wallMsEach);
  }

  result(operation: string): OperationCost {
    // Below the meters' resolution (Postgres counts 10 ms ticks) an idle-corrected figure can dip
    // under zero: reported as 0.
    const per = (us: number) => Math.max(0, Math.round((us / this.count / 1000) * 1000) / 1000);
    return {
      operation,
      count: this.count,
      wallMsP50: distribution(this.walls).p50,
      nodeCpuMs: per(this.cpu.node),
      postgresCpuMs: per(this.cpu.postgres),
      redisCpuMs: per(this.cpu.redis),
    };
  }
}

const step = (what: string) => process.stderr.write(`bench: ${what}\n`);
const loadAtStart = Math.round(loadavg()[0]! * 100) / 100;

const redisServer = await TestRedis.start();
process.env.REDIS_URL = redisServer.url;
const backend = await startBenchBackend({ openFiles: IDLE_CONNECTIONS + 2_000 });
const meter = await CpuMeter.start(backend, backend.databaseUrl, redisServer.url);
const costs: OperationCost[] = [];
let idle: Awaited<ReturnType<typeof measureIdleConnectionMemory>>;
try {
  step(`swipe transaction (${SWIPES} right-swipes over HTTP, one at a time)`);
  const me = await signUp(backend.api);
  await backend.prisma.user.update({
    where: { id: me.user.id },
    data: { planId: 'enterprise', executionPreference: 'device_only' },
  });
  const jobs = await createJobs(backend.prisma, SWIPES);
  const swipes = new Tally();
  const before = await meter.sample();
  const walls: number[] = [];
  const ids: string[] = [];
  for (const job of jobs) {
    const sentAt = performance.now();
    const swipe = await timedSwipe(me.api, job.id);
    walls.push(swipe.respondedAt - sentAt);
    ids.push(swipe.applicationId);
  }
  swipes.add(before, await meter.sample(), SWIPES, walls);
  costs.push(swipes.result('swipe transaction (HTTP, commit, publish)'));

  step(`offer, claim, heartbeat, result (a device of capacity ${CAPACITY}, over its WebSocket)`);
  const { token } = await pairDevice(me.api);
  const device = await RawDevice.connect(backend.url);
  const phases = { offer: new Tally(), claim: new Tally(), heartbeat: new Tally(), result: new Tally() };
  let mark = { cpu: await meter.sample(), at: performance.now() };
  /** Ends a stretch of `tally`'s operation: CPU and wall time since the last mark. */
  const close = async (tally: Tally) => {
    const now = { cpu: await meter.sample(), at: performance.now() };
    tally.add(mark.cpu, now.cpu, CAPACITY, [(now.at - mark.at) / CAPACITY]);
    mark = now;
  };
  /** Sends one message per application and waits for every reply of `type`. */
  const exchange = async <T extends 'claimed' | 'lease' | 'ack'>(messages: Record<string, unknown>[], type: T) => {
    for (const message of messages) device.send(message);
    const replies = [];
    for (const _ of messages) replies.push(await device.next(type));
    return replies;
  };
  // Capacity 0 while results go in, then CAPACITY again: otherwise the next offers would follow each
  // result at once and be counted as the result's cost.
  device.send({ type: 'hello', token, kind: 'desktop', version: 'bench', capacity: 0, held: [] });
  await device.next('welcome');
  for (let done = 0; done < SWIPES; done += CAPACITY) {
    mark = { cpu: await meter.sample(), at: performance.now() };
    device.send({ type: 'capacity', capacity: CAPACITY });
    const offers = [];
    for (let i = 0; i < CAPACITY; i++) offers.push(await device.next('offer'));
    await close(phases.offer);
    const claimed = await exchange(
      offers.map((o) => ({ type: 'claim', applicationId: o.applicationId })),
      'claimed',
    );
    await close(phases.claim);
    await exchange(
      claimed.map((c) => ({
        type: 'heartbeat',
        applicationId: c.applicationId,
        leaseToken: c.leaseToken,
        step: 'fill',
        percent: 50,
      })),
      'lease',
    );
    await close(phases.heartbeat);
    device.send({ type: 'capacity', capacity: 0 });
    await exchange(
      claimed.map((c) => ({
        type: 'result',
        applicationId: c.applicationId,
        leaseToken: c.leaseToken,
        outcome: 'submitted',
        errorClass: null,
        message: null,
        confirmation: 'Thanks for applying',
        unanswered: [],
        evidenceIds: [],
      })),
      'ack',
    );
    await close(phases.result);
  }
  device.close();
  costs.push(
    phases.offer.result('offer (stream read, checked in Postgres, sent)'),
    phases.claim.result('claim (guarded update, work order)'),
    phases.heartbeat.result('heartbeat (lease renewed, progress)'),
    phases.result.result('result (recorded, acknowledged)'),
  );

  step(`outbox publish (the relay's sweep, ${PUBLISH_ROUNDS} × ${SWIPES} rows)`);
  const publish = new Tally();
  for (let round = 0; round < PUBLISH_ROUNDS; round++) {
    // The swipes' rows, unpublished again: the relay's sweep publishes them as after a crash.
    const idleBefore = await meter.sample();
    const waitStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleAfter = await meter.sample();
    const idleMs = performance.now() - waitStart;
    await backend.prisma.$executeRaw`
      update outbox set published_at = null where payload->>'applicationId' = any(${ids}::text[])`;
    const start = await meter.sample();
    const t0 = performance.now();
    for (;;) {
      const [row] = await backend.prisma.$queryRaw<{ n: number }[]>`
        select count(*)::int as n from outbox where published_at is null`;
      if (row?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const end = await meter.sample();
    const took = performance.now() - t0;
    // Less what the node, Postgres and Redis do when idle for as long (timers, the sweeps themselves).
    const idleShare = (key: keyof Cpu) => ((idleAfter[key] - idleBefore[key]) / idleMs) * took;
    const adjusted = {
      node: end.node - idleShare('node'),
      postgres: end.postgres - idleShare('postgres'),
      redis: end.redis - idleShare('redis'),
    };
    publish.add(start, adjusted, SWIPES, [took / SWIPES]);
  }
  costs.push(publish.result('outbox publish (relay sweep, per row)'));

  step(`idle device sockets (${IDLE_CONNECTIONS})`);
  idle = await measureIdleConnectionMemory(backend, { connections: IDLE_CONNECTIONS, perUser: 2 });
} finally {
  await meter.close();
  await backend.close();
  await redisServer.down();
}

const report = {
  machine: { loadAtStart, loadAtEnd: Math.round(loadavg()[0]! * 100) / 100 },
  costs,
  idleSocket: { rssKb: idle.rssPerConnectionKb, heapKb: idle.heapPerConnectionKb, connections: idle.connections },
};
console.table(costs);
console.table([{ measure: 'idle device socket', rssKb: idle.rssPerConnectionKb, heapKb: idle.heapPerConnectionKb }]);
await mkdir(dirname(fileURLToPath(OUTPUT)), { recursive: true });
await writeFile(OUTPUT, `${JSON.stringify(report, null, 2)}\n`);
step(`figures written to ${fileURLToPath(OUTPUT)}`);
