// The end of the undo grace period. A right-swipe waits in GRACE until its `available_at`, then is
// queued (the `promote` transition) with its delivery message and audit event within moments of
// that time: a timer on every node, not the scheduler's tick. The wait itself is data in Postgres,
// so it outlives any node: each node arms one timer for the earliest deadline it knows (its own
// swipes, those other nodes announce over Redis, and, on start and every SAFETY_MS, the earliest in
// the database), and whichever node gets there first queues everything due, taking rows with SKIP
// LOCKED so no application is queued twice. Undo locks the row too: before the deadline it wins.

import { type ApplicationRow, applicationFromRow } from '../applications/application-row.ts';
import type { AppContext } from '../context.ts';
import { statusSql } from '../db/sql-function.ts';
import { DELIVER_TOPIC } from '../outbox/enqueue-delivery.ts';
import type { OutboxRelay } from '../outbox/outbox-relay.ts';
import { isRedisReady } from '../redis/connection.ts';

/** Applications queued per statement; a pass repeats until fewer are due. */
const BATCH = 500;
/** How often every node reads the earliest deadline itself (an announcement lost while Redis was down). */
const SAFETY_MS = 10_000;
/** Passes at most this often, so a burst of deadlines is queued in one pass, not one pass each. */
const MIN_GAP_MS = 20;
/** After a failed pass (database down), the next one waits this long. */
const RETRY_MS = 1_000;

const GRACE = statusSql(['create'], 'GRACE');
const QUEUED = statusSql(['promote'], 'QUEUED', 'GRACE');
const ACTOR = 'system:grace';

const RELEASE_DUE = `
  with due as (
    select id from applications where status = ${GRACE} and available_at <= now()
    order by available_at limit $1 for update skip locked
  ), queued as (
    update applications a set status = ${QUEUED}, updated_at = now()
    from due where a.id = due.id and a.status = ${GRACE}
    returning a.*
  ), messages as (
    insert into outbox (topic, payload) select '${DELIVER_TOPIC}', deliver_message(q) from queued q
  ), audit as (
    insert into application_events (application_id, user_id, type, from_status, to_status, actor, message, attempt,
      correlation_id)
    select id, user_id, 'status', ${GRACE}, status, '${ACTOR}', 'Undo window over: queued for the ' || lane || ' lane.',
      attempt, correlation_id
    from queued
  )
  select * from queued`;

/** Milliseconds from the database's now to the earliest deadline (negative: overdue); null: none. */
const NEXT_DEADLINE = `
  select (extract(epoch from min(available_at) - now()) * 1000)::float8 as wait_ms
  from applications where status = ${GRACE}`;

export class GraceRelease {
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private safety: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** No pass starts before this (epoch ms). */
  private notBefore = 0;
  private stopped = false;
  /** The deadline this node last announced to the others (epoch ms). */
  private announcedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ctx: AppContext,
    private readonly relay: Pick<OutboxRelay, 'wake'>,
  ) {}

  async start(): Promise<void> {
    await this.ctx.subscriber.subscribe(this.ctx.keys.graceChannel(), (message) => this.arm(Number(message)));
    this.safety = setInterval(() => void this.armFromDatabase(), SAFETY_MS);
    this.safety.unref();
    await this.armFromDatabase();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.safety) clearInterval(this.safety);
    await this.running;
  }

  /** An application on this node is held until `until`: queue it then, here or on any node. */
  announce(until: Date): void {
    const at = until.getTime();
    this.arm(at);
    // Every node, once it has released what was due, reads the next deadline from the database: a
    // deadline after one announced and still ahead needs no message (with a fixed grace period,
    // that is every swipe but one per period).
    if (this.announcedAt > Date.now() && this.announcedAt <= at) return;
    if (isRedisReady(this.ctx.redis)) {
      this.announcedAt = at;
      this.ctx.redis.publish(this.ctx.keys.graceChannel(), String(at)).catch(() => {
        this.announcedAt = Number.NEGATIVE_INFINITY;
      });
    }
  }

  /** Queues every application whose grace period is over; returns how many. */
  async releaseDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const { rows } = await this.ctx.db.pool.query<ApplicationRow>(RELEASE_DUE, [BATCH]);
      total += rows.length;
      if (rows.length) this.relay.wake();
      if (rows.length) this.ctx.log.debug({ queued: rows.length }, 'undo windows over: queued');
      for (const row of rows) void this.ctx.events.applicationChanged(applicationFromRow(row), 'status', 'GRACE', null);
      if (rows.length < BATCH) return total;
    }
  }

  private arm(at: number): void {
    if (this.stopped || !Number.isFinite(at) || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    const now = Date.now();
    this.timer = setTimeout(() => this.fire(), Math.max(at - now, this.notBefore - now, 0));
    this.timer.unref();
  }

  private fire(): void {
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    if (this.running || this.stopped) return;
    this.notBefore = Date.now() + MIN_GAP_MS;
    this.running = this.releaseDue()
      .catch((err) => {
        this.notBefore = Date.now() + RETRY_MS;
        this.ctx.log.warn({ err }, 'grace release failed; retrying');
      })
      .then(() => this.armFromDatabase())
      .finally(() => {
        this.running = null;
      });
  }

  /** Arms for the earliest deadline in the database (by the database's clock). */
  private async armFromDatabase(): Promise<void> {
    try {
      const { rows } = await this.ctx.db.pool.query<{ wait_ms: number | null }>(NEXT_DEADLINE);
      const wait = rows[0]?.wait_ms;
      if (wait !== null && wait !== undefined) this.arm(Date.now() + Math.max(wait, 0));
    } catch (err) {
      this.ctx.log.warn({ err }, 'grace release could not read the next deadline; the safety timer retries');
    }
  }
}
