// The server lane's consumer: one per worker process, a consumer of the `server-workers` group on
// every priority stream. It reads the highest priority first (a separate read per priority), claims
// each application in Postgres under its own lease, and runs it as an attempt through `execute`
// (the protocol's attempt runner over the in-process transport: heartbeats, checkpoint, one
// result, as on every executor). The entry is acknowledged once the claim (or its refusal) is
// recorded. While Redis is down it claims QUEUED rows straight from Postgres (SKIP LOCKED).

import { type AttemptEnd, type AttemptExecute, AttemptRunner } from '@jobswipe/protocol/attempt-runner';
import type { ClaimedMessage } from '@jobswipe/protocol/device';
import type { AppContext } from '../context.ts';
import { fromFields, type StreamEntry } from '../delivery/work-entry.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { type ClaimOutcome, claim } from '../leases/claim.ts';
import { claimNextQueued } from '../leases/claim-next.ts';
import type { Executor } from '../leases/executor.ts';
import type { RedisClient } from '../redis/connection.ts';
import { isRedisReady } from '../redis/connection.ts';
import { SERVER_GROUP } from '../redis/keys.ts';
import { InProcessTransport } from './in-process-transport.ts';

export interface ServerLaneOptions {
  workerId: string;
  concurrency: number;
  execute: AttemptExecute;
  /** A connection of its own: blocking reads would stall every other command on a shared one. */
  blocking: RedisClient;
  /** How long an idle worker blocks on the streams before looking again. */
  blockMs?: number;
}

interface Running {
  attempt: AttemptRunner;
  /** Settles once the attempt has ended and `execute` has returned. */
  done: Promise<unknown>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ServerLaneConsumer {
  readonly executor: Executor;
  private readonly transport: InProcessTransport;
  private readonly running = new Map<string, Running>();
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeSlot: (() => void) | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly streams: WorkStreams,
    private readonly options: ServerLaneOptions,
  ) {
    this.executor = { kind: 'server', workerId: options.workerId };
    this.transport = new InProcessTransport(ctx, this.executor, (reply) =>
      this.running.get(reply.applicationId)?.attempt.receive(reply),
    );
  }

  get active(): number {
    return this.running.size;
  }

  start(): void {
    this.loop = this.consume();
  }

  /** Stops taking work; waits up to `graceMs` for running attempts, then hands the rest back. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wakeSlot?.();
    await this.loop;
    const deadline = sleep(graceMs).then(() => 'timeout' as const);
    const all = Promise.all([...this.running.values()].map((r) => r.done)).then(() => 'done' as const);
    if ((await Promise.race([all, deadline])) === 'timeout') {
      const reason = 'The worker shut down before the application was finished.';
      await Promise.all([...this.running.values()].map((r) => r.attempt.handBack(reason)));
    }
  }

  private async consume(): Promise<void> {
    while (!this.stopping) {
      const free = this.options.concurrency - this.running.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => {
          this.wakeSlot = resolve;
        });
        continue;
      }
      try {
        const claimed = isRedisReady(this.ctx.redis) ? await this.fromStreams(free) : await this.fromPostgres(free);
        for (const outcome of claimed) if (outcome.ok) this.run(outcome.order);
      } catch (err) {
        this.ctx.log.warn({ err }, 'server lane: taking work failed; retrying');
        await sleep(1_000);
      }
    }
  }

  private async priorities(): Promise<number[]> {
    const plans = await this.ctx.db.prisma.plan.findMany({ select: { priority: true }, distinct: ['priority'] });
    return plans.map((p) => p.priority).sort((a, b) => b - a);
  }

  private async fromStreams(free: number): Promise<ClaimOutcome[]> {
    const priorities = await this.priorities();
    for (const priority of priorities) {
      const entries = await this.streams.read(
        this.ctx.keys.serverStream(priority),
        SERVER_GROUP,
        this.options.workerId,
        free,
        '>',
      );
      if (entries.length) return this.claimEntries(entries);
    }
    // Nothing anywhere: wait on all priorities at once, then look again in priority order.
    const streams = priorities.map((p) => this.ctx.keys.serverStream(p));
    for (const stream of streams) await this.streams.ensureGroup(stream, SERVER_GROUP);
    const reply = (await this.options.blocking.xreadgroup(
      'GROUP',
      SERVER_GROUP,
      this.options.workerId,
      'COUNT',
      1,
      'BLOCK',
      this.options.blockMs ?? 2_000,
      'STREAMS',
      ...streams,
      ...streams.map(() => '>'),
    )) as [string, [string, string[]][]][] | null;
    const entries: StreamEntry[] = [];
    for (const [stream, raw] of reply ?? []) {
      for (const [id, fields] of raw) {
        const parsed = fromFields(stream, id, fields);
        if (!('bad' in parsed)) entries.push(parsed);
        else await this.streams.ack(stream, SERVER_GROUP, [id]);
      }
    }
    return this.claimEntries(entries);
  }

  private async claimEntries(entries: StreamEntry[]): Promise<ClaimOutcome[]> {
    const outcomes: ClaimOutcome[] = [];
    this.ctx.metrics.offers.inc({ lane: 'server' }, entries.length);
    const taking = new Set(this.running.keys());
    for (const entry of entries) {
      // A duplicate entry of what this worker already runs: a claim would hand back its own lease.
      if (taking.has(entry.work.applicationId)) {
        await this.streams.ack(entry.stream, SERVER_GROUP, [entry.id]);
        continue;
      }
      taking.add(entry.work.applicationId);
      const outcome = await claim(this.ctx, this.executor, entry.work.applicationId).catch(async (err: unknown) => {
        // Nothing was recorded: the entry goes back to the group at once instead of waiting out
        // a lease in this worker's pending list.
        await this.streams.publish(entry.work);
        await this.streams.ack(entry.stream, SERVER_GROUP, [entry.id]);
        throw err;
      });
      await this.streams.ack(entry.stream, SERVER_GROUP, [entry.id]);
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private async fromPostgres(free: number): Promise<ClaimOutcome[]> {
    const outcomes = await claimNextQueued(this.ctx, this.executor, free);
    if (outcomes.length === 0) await sleep(this.options.blockMs ?? 2_000);
    return outcomes;
  }

  private run(order: ClaimedMessage): void {
    const attempt = new AttemptRunner({
      order,
      transport: this.transport,
      leaseMs: this.ctx.config.SERVER_LEASE_MS,
      execute: this.options.execute,
    });
    // Replies come after an await, so the attempt is registered before the first one is routed.
    const done = attempt
      .start()
      .then((end: AttemptEnd) => {
        if (end.type === 'taken_away') {
          this.ctx.log.info(
            { applicationId: order.applicationId, reason: end.message },
            'server lane: attempt stopped',
          );
        }
      })
      .finally(() => {
        this.running.delete(order.applicationId);
        this.wakeSlot?.();
        this.wakeSlot = null;
      });
    this.running.set(order.applicationId, { attempt, done });
  }
}
