// Reconciliation of Postgres against the streams: a QUEUED application whose stream entry is gone
// while its outbox row says published is delivered again. On Redis Cluster a publish waits for a
// replica at most 1 s (delivery/work-streams.ts); a replica further behind when its master dies
// loses the entry, and nothing else would publish it again (its slot's epoch survives, so no
// refill). Each sweep checks a bounded batch of QUEUED applications past a bound, walking all of
// them over successive sweeps (a cursor kept by the leader); the query follows the
// (status, available_at) index, so users with nothing queued cost nothing.
//
// The re-publish is fenced: under the application's row lock, only if it is still QUEUED, unchanged
// since the stream was read, and has no unpublished outbox row; it goes through the outbox like
// any delivery. An entry that exists is never doubled; a duplicate from a race (an offer handed
// back at that moment) is harmless, because the claim in Postgres decides.
import { Prisma, type Tx } from '@jobswipe/db';
import { recordEvent } from '../applications/events.ts';
import { lockApplication } from '../applications/lock-application.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/unit-of-work.ts';
import { fromFields } from '../delivery/work-entry.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { DELIVER_TOPIC, enqueueDelivery } from '../outbox/enqueue-delivery.ts';
import { isRedisReady } from '../redis/connection.ts';

export interface ReconcileOptions {
  /** Applications checked per sweep. */
  batch: number;
  /** Stream entries read per sweep at most (a long server backlog is walked over several sweeps). */
  entryBudget: number;
  /**
   * Only applications available for longer than this: an offer whose entry vanished while offered
   * is handed back (a fresh entry) within the offer timeout, so reconciling later never races it.
   */
  afterMs: number;
}

interface Candidate {
  id: string;
  user_id: string;
  lane: 'server' | 'device';
  priority: number;
  available_at: Date;
  updated_at: Date;
}

/** Where the next sweep resumes: after this (available_at, id). */
export interface Cursor {
  availableAt: Date;
  id: string;
}

/** Margin for the clocks of Postgres and Redis (entry ids carry Redis's time). */
const CLOCK_SKEW_MS = 60_000;
const PAGE = 500;
const ACTOR = 'system:reconcile';

export function reconcileOptions(ctx: AppContext): ReconcileOptions {
  return { batch: 200, entryBudget: 20_000, afterMs: 2 * ctx.config.OFFER_TIMEOUT_MS };
}

/**
 * The next QUEUED applications available for longer than the bound, in (available_at, id) order
 * after `after`: the (status, available_at) index, so only queued rows are read.
 */
export function candidatesQuery(
  after: Cursor | null,
  options: Pick<ReconcileOptions, 'afterMs' | 'batch'>,
): Prisma.Sql {
  const from = after ?? { availableAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
  return Prisma.sql`
    select id, user_id, lane, priority, available_at, updated_at from applications
    where status = 'QUEUED' and available_at < now() - make_interval(secs => ${options.afterMs / 1000})
      and (available_at, id) > (${from.availableAt}, ${from.id}::uuid)
    order by available_at, id limit ${options.batch}`;
}

/** Those of `ids` with a delivery row the relay has not published yet (it will be). */
async function withUnpublishedRow(db: Pick<Tx, '$queryRaw'>, ids: string[]): Promise<Set<string>> {
  // The unpublished rows are few and indexed (published_at, id); the payload is read only for them.
  const rows = await db.$queryRaw<{ id: string }[]>`
    select payload->>'applicationId' as id from outbox
    where published_at is null and topic = ${DELIVER_TOPIC} and payload->>'applicationId' = any(${ids})`;
  return new Set(rows.map((r) => r.id));
}

export class StreamReconciler {
  private cursor: Cursor | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly streams: WorkStreams,
    private readonly options: ReconcileOptions = reconcileOptions(ctx),
  ) {}

  /** One sweep; returns how many applications it delivered again. */
  async sweep(): Promise<number> {
    if (!isRedisReady(this.ctx.redis)) return 0;
    const candidates = await this.nextBatch();
    if (candidates.length === 0) return 0;
    const waiting = await withUnpublishedRow(
      this.ctx.db.prisma,
      candidates.map((c) => c.id),
    );
    const missing = await this.missingFromStreams(candidates.filter((c) => !waiting.has(c.id)));
    let delivered = 0;
    for (const app of missing) if (await this.deliverAgain(app)) delivered += 1;
    if (delivered)
      this.ctx.log.warn({ delivered }, 'queued applications had lost their stream entries: delivered again');
    return delivered;
  }

  /** The next QUEUED applications past the bound, after the cursor; wraps to the start at the end. */
  private async nextBatch(): Promise<Candidate[]> {
    const rows = await this.ctx.db.prisma.$queryRaw<Candidate[]>(candidatesQuery(this.cursor, this.options));
    const last = rows.at(-1);
    this.cursor = rows.length < this.options.batch || !last ? null : { availableAt: last.available_at, id: last.id };
    return rows;
  }

  /**
   * The candidates whose stream holds no entry for them. Each stream is read from the oldest time
   * one of its candidates could have been published (when it became QUEUED: `updated_at`), until
   * every candidate is found or the stream ends, a page of every stream at once. A candidate whose
   * stream could not be read to the end within the budget is left for a later sweep, never taken
   * as missing.
   */
  private async missingFromStreams(candidates: Candidate[]): Promise<Candidate[]> {
    const byStream = new Map<string, Candidate[]>();
    for (const app of candidates) {
      const { stream } = this.streams.streamFor({ lane: app.lane, userId: app.user_id, priority: app.priority });
      byStream.set(stream, [...(byStream.get(stream) ?? []), app]);
    }
    const scans = [...byStream].map(([stream, apps]) => ({
      stream,
      apps,
      unseen: new Set(apps.map((a) => a.id)),
      from: String(Math.max(0, Math.min(...apps.map((a) => a.updated_at.getTime())) - CLOCK_SKEW_MS)),
      /** Read to its end. */
      complete: false,
    }));
    let budget = this.options.entryBudget;
    for (
      let active = scans;
      active.length > 0 && budget > 0;
      active = active.filter((s) => !s.complete && s.unseen.size > 0)
    ) {
      const count = Math.max(1, Math.min(PAGE, Math.floor(budget / active.length)));
      const pages = await Promise.all(
        active.map(
          (s) => this.ctx.redis.xrange(s.stream, s.from, '+', 'COUNT', count) as Promise<[string, string[]][]>,
        ),
      );
      active.forEach((scan, i) => {
        const page = pages[i] ?? [];
        budget -= page.length;
        for (const [id, fields] of page) {
          const entry = fromFields(scan.stream, id, fields);
          if (!('bad' in entry)) scan.unseen.delete(entry.work.applicationId);
        }
        const last = page.at(-1)?.[0];
        if (page.length < count || !last) scan.complete = true;
        else scan.from = `(${last}`;
      });
    }
    return scans.filter((s) => s.complete).flatMap((s) => s.apps.filter((a) => s.unseen.has(a.id)));
  }

  /** Fenced: delivers again only what is still QUEUED, untouched since it was read, with no row waiting. */
  private async deliverAgain(candidate: Candidate): Promise<boolean> {
    return inTransaction(this.ctx, async (uow) => {
      const app = await lockApplication(uow.tx, candidate.id);
      if (app.status !== 'QUEUED' || app.updatedAt.getTime() !== candidate.updated_at.getTime()) return false;
      if ((await withUnpublishedRow(uow.tx, [app.id])).size > 0) return false;
      await enqueueDelivery(uow, app);
      await recordEvent(uow, app, {
        type: 'note',
        actor: ACTOR,
        message: 'Its delivery was lost in Redis (a failover): delivered again.',
      });
      return true;
    });
  }
}
