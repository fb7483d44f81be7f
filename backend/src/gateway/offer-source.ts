// Work to offer one device: its stream entries (the ones it was given before and left unclaimed
// first, then new ones), each checked against Postgres so only applications still QUEUED for this
// user's devices are offered. While Redis is down, QUEUED rows are read from Postgres directly.
import type { OfferMessage } from '@jobswipe/protocol/device';
import type { AppContext } from '../context.ts';
import type { StreamEntry } from '../delivery/work-entry.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { owner } from '../leases/executor.ts';
import { isRedisReady } from '../redis/connection.ts';
import { DEVICE_GROUP } from '../redis/keys.ts';

/** Pending entries read per page when a device's own backlog is offered again. */
const PENDING_PAGE = 100;

export interface DeviceRef {
  deviceId: string;
  userId: string;
}

interface OfferRow {
  id: string;
  attempt: number;
  title: string;
  company: string;
  ats_kind: string;
  apply_url: string;
}

function toOffer(row: OfferRow): OfferMessage {
  return {
    type: 'offer',
    applicationId: row.id,
    attempt: row.attempt,
    job: { title: row.title, company: row.company, atsKind: row.ats_kind, applyUrl: row.apply_url },
  };
}

export class OfferSource {
  constructor(
    private readonly ctx: AppContext,
    private readonly streams: WorkStreams,
  ) {}

  /**
   * Up to `count` applications this device holds a lease on that are not in `exclude` (the leases
   * it said it holds): offered again, so that a claim whose reply was lost with the connection
   * gets its lease back (a claim is idempotent per executor).
   */
  async unknownLeases(device: DeviceRef, count: number, exclude: ReadonlySet<string>): Promise<OfferMessage[]> {
    if (count <= 0) return [];
    const rows = await this.ctx.db.prisma.$queryRaw<OfferRow[]>`
      select a.id, a.attempt, j.title, j.company, j.ats_kind, j.apply_url
      from applications a join jobs j on j.id = a.job_id
      where a.user_id = ${device.userId}::uuid and a.status in ('CLAIMED', 'RUNNING')
        and a.lease_owner = ${owner({ kind: 'device', ...device })} and not (a.id = any(${[...exclude]}::uuid[]))
      order by a.updated_at
      limit ${count}`;
    return rows.map(toOffer);
  }

  /** Up to `count` offers, none for an application in `exclude` (already offered or held). */
  async next(device: DeviceRef, count: number, from: '0' | '>', exclude: ReadonlySet<string>): Promise<OfferMessage[]> {
    const offers = await this.read(device, count, from, exclude);
    this.ctx.metrics.offers.inc({ lane: 'device' }, offers.length);
    return offers;
  }

  private async read(device: DeviceRef, count: number, from: '0' | '>', exclude: ReadonlySet<string>) {
    if (count <= 0) return [];
    if (isRedisReady(this.ctx.redis)) {
      try {
        return await this.fromStream(device, count, from, exclude);
      } catch (err) {
        this.ctx.log.warn({ err }, 'reading device work from Redis failed: using Postgres');
      }
    }
    return this.fromPostgres(device, count, exclude);
  }

  /**
   * Reads until it has `count` offers or reaches the end: entries no longer waiting are
   * acknowledged on the way, so they can never hide live work behind them.
   */
  private async fromStream(device: DeviceRef, count: number, from: '0' | '>', exclude: ReadonlySet<string>) {
    const stream = this.ctx.keys.deviceStream(device.userId);
    const mark = { index: this.ctx.keys.pendingIndexOf(device.userId), member: device.userId };
    const offers: OfferMessage[] = [];
    const seen = new Set<string>();
    // Pending entries are paged through by id; new ones are taken as they are read.
    let cursor: string = from;
    for (;;) {
      const want = from === '0' ? PENDING_PAGE : count - offers.length;
      const entries = await this.streams.read(stream, DEVICE_GROUP, device.deviceId, want, cursor, mark);
      if (entries.length === 0) break;
      const rows = await this.queued(device.userId, [...new Set(entries.map((e) => e.work.applicationId))]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const stale: StreamEntry[] = [];
      for (const entry of entries) {
        const id = entry.work.applicationId;
        const row = byId.get(id);
        // Not queued for this user's devices any more (one this device already holds among them:
        // its entry was acknowledged at the claim, so this is a duplicate), or a duplicate entry:
        // drop it. One of its offers, still queued, keeps its entry until claimed or handed back.
        if (!row || seen.has(id)) stale.push(entry);
        else if (exclude.has(id)) continue;
        else if (offers.length < count) {
          seen.add(id);
          offers.push(toOffer(row));
        }
      }
      await this.streams.ack(
        stream,
        DEVICE_GROUP,
        stale.map((e) => e.id),
      );
      if (offers.length >= count || entries.length < want) break;
      if (from === '0') cursor = entries.at(-1)?.id ?? cursor;
    }
    return offers;
  }

  private queued(userId: string, ids: string[]): Promise<OfferRow[]> {
    return this.ctx.db.prisma.$queryRaw<OfferRow[]>`
      select a.id, a.attempt, j.title, j.company, j.ats_kind, j.apply_url
      from applications a join jobs j on j.id = a.job_id
      where a.id = any(${ids}::uuid[]) and a.user_id = ${userId}::uuid and a.lane = 'device' and a.status = 'QUEUED'`;
  }

  private fromPostgres(device: DeviceRef, count: number, exclude: ReadonlySet<string>): Promise<OfferMessage[]> {
    return this.ctx.db.prisma.$queryRaw<OfferRow[]>`
        select a.id, a.attempt, j.title, j.company, j.ats_kind, j.apply_url
        from applications a join jobs j on j.id = a.job_id
        where a.user_id = ${device.userId}::uuid and a.lane = 'device' and a.status = 'QUEUED'
          and a.available_at <= now() and not (a.id = any(${[...exclude]}::uuid[]))
        order by a.priority desc, a.created_at
        limit ${count}`.then((rows) => rows.map(toOffer));
  }
}
