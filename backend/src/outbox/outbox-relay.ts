// The outbox relay: publishes committed delivery messages to the lane's Redis stream (which tells
// the gateway nodes serving that user). Woken at commit by Postgres NOTIFY, and sweeping on a
// timer for whatever a crash or a Redis outage left behind. Every node runs one; rows are taken
// with SKIP LOCKED, and publishing a row twice is harmless (the claim decides).

import pg from 'pg';
import type { AppContext } from '../context.ts';
import { WorkEntry } from '../delivery/work-entry.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import type { RedisClient } from '../redis/connection.ts';
import { isRedisReady } from '../redis/connection.ts';
import { DELIVER_TOPIC, OUTBOX_CHANNEL } from './enqueue-delivery.ts';

const BATCH = 200;
const PRUNE_EVERY_MS = 60_000;

export interface RelayOptions {
  sweepMs: number;
  /** Published rows older than this are deleted. */
  retainMs: number;
}

export class OutboxRelay {
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private prunedAt = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly redis: RedisClient,
    private readonly streams: WorkStreams,
    private readonly options: RelayOptions,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => {
      this.wake();
      if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = Date.now();
        this.prune().catch((err) => this.ctx.log.warn({ err }, 'pruning the outbox failed'));
      }
    }, this.options.sweepMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => {});
    await this.running;
  }

  /** Runs a pass now, or right after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => {})
      .catch((err) => this.ctx.log.warn({ err }, 'outbox relay pass failed; the next sweep retries'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Publishes until nothing is left (or Redis is down); returns how many rows it published. */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.stopped && isRedisReady(this.redis)) {
      const published = await this.publishBatch();
      total += published;
      if (published < BATCH) break;
    }
    return total;
  }

  /** Deletes published rows past their retention; on the sweep's timer, not on every commit. */
  private async prune(): Promise<void> {
    await this.ctx.db.prisma.$executeRaw`
      delete from outbox where published_at < now() - make_interval(secs => ${this.options.retainMs / 1000})`;
  }

  /**
   * One batch, in one transaction on the raw pool: the rows stay locked (SKIP LOCKED for the other
   * nodes) while they are published, and are marked published only if that worked.
   */
  private async publishBatch(): Promise<number> {
    const client = await this.ctx.db.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const { rows } = await client.query<{ id: string; topic: string; payload: unknown }>(
        'select id, topic, payload from outbox where published_at is null order by id limit $1 for update skip locked',
        [BATCH],
      );
      const work: WorkEntry[] = [];
      for (const row of rows) {
        const parsed = row.topic === DELIVER_TOPIC ? WorkEntry.safeParse(row.payload) : null;
        if (parsed?.success) work.push(parsed.data);
        else this.ctx.log.error({ outboxId: row.id, topic: row.topic }, 'outbox row not understood: skipped');
      }
      await this.streams.publishAll(work);
      if (rows.length) {
        await client.query('update outbox set published_at = now() where id = any($1::bigint[])', [
          rows.map((r) => r.id),
        ]);
      }
      await client.query('commit');
      return rows.length;
    } catch (err) {
      // A connection that cannot roll back is not given back to the pool.
      await client.query('rollback').catch((e: Error) => {
        broken = e;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.ctx.db.url });
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.listener = null;
      if (this.stopped) return;
      this.ctx.log.warn({ err: err.message }, 'outbox listener lost its connection; reconnecting');
      setTimeout(() => void this.listen().catch(() => {}), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      this.listener = client;
      // Rows committed while the listener was down would otherwise wait for the sweep.
      this.wake();
    } catch (err) {
      await client.end().catch(() => {});
      if (this.stopped) return;
      this.ctx.log.warn({ err }, 'outbox listener could not connect; retrying');
      setTimeout(() => void this.listen().catch(() => {}), 1_000).unref();
    }
  }
}
