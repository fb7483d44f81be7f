// The Redis Streams that deliver work: one per server priority (group `server-workers`) and one
// per user for their devices (group `devices`). Publishing creates the group with the entry (in
// one round trip), reads create it on demand and again after a NOGROUP (Redis lost its data), so
// no cache of groups can outlive a data loss; an acknowledged entry is deleted at once, so a
// stream holds only what is waiting or in flight.
import type { Redis } from 'ioredis';
import { DEVICE_GROUP, type RedisKeys, SERVER_GROUP } from '../redis/keys.ts';
import { fromFields, type StreamEntry, toFields, type WorkEntry } from './work-entry.ts';

type RawEntries = [string, string[] | null][];

function isNoGroup(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('NOGROUP');
}

export class WorkStreams {
  private readonly known = new Set<string>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  streamFor(work: Pick<WorkEntry, 'lane' | 'userId' | 'priority'>): { stream: string; group: string } {
    return work.lane === 'server'
      ? { stream: this.keys.serverStream(work.priority), group: SERVER_GROUP }
      : { stream: this.keys.deviceStream(work.userId), group: DEVICE_GROUP };
  }

  /** Creates the group (reading from the stream's start, so nothing added before is skipped). */
  async ensureGroup(stream: string, group: string): Promise<void> {
    if (this.known.has(stream)) return;
    try {
      await this.redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (err) {
      if (!(err instanceof Error && err.message.startsWith('BUSYGROUP'))) throw err;
    }
    this.known.add(stream);
  }

  /**
   * Adds work to its lane's stream. Device work also tells each node serving one of the user's
   * devices to read it (server workers wait on their streams themselves).
   */
  async publish(work: WorkEntry): Promise<string> {
    const { stream, group } = this.streamFor(work);
    // BUSYGROUP (the usual case) fails that command alone; the rest of the transaction runs.
    const multi = this.redis
      .multi()
      .xgroup('CREATE', stream, group, '0', 'MKSTREAM')
      .xadd(stream, '*', ...toFields(work));
    if (work.lane === 'device')
      multi.sadd(this.keys.deviceStreamIndex(), work.userId).hvals(this.keys.presence(work.userId));
    const replies = await multi.exec();
    const [groupErr] = replies?.[0] ?? [null];
    if (groupErr && !groupErr.message.startsWith('BUSYGROUP')) throw groupErr;
    const [err, id] = replies?.[1] ?? [new Error('XADD failed'), null];
    if (err) throw err;
    this.known.add(stream);
    if (work.lane === 'device') await this.nudge(work.userId, (replies?.[3]?.[1] as string[] | undefined) ?? []);
    return id as string;
  }

  /** Tells the nodes serving the user's devices (from their presence) that there is work. */
  async nudge(userId: string, nodes?: string[]): Promise<void> {
    const targets = new Set(nodes ?? (await this.redis.hvals(this.keys.presence(userId))));
    await Promise.all([...targets].map((node) => this.redis.publish(this.keys.nodeChannel(node), userId)));
  }

  /**
   * Reads for one consumer without blocking: `'>'` new entries (now owned by this consumer), or an
   * entry id (`'0'` for the start): the entries after it that this consumer was given before and
   * has not acknowledged.
   */
  async read(stream: string, group: string, consumer: string, count: number, from: string): Promise<StreamEntry[]> {
    if (count <= 0) return [];
    await this.ensureGroup(stream, group);
    const readOnce = async () =>
      (await this.redis.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'STREAMS', stream, from)) as
        | [string, RawEntries][]
        | null;
    let reply: [string, RawEntries][] | null;
    try {
      reply = await readOnce();
    } catch (err) {
      if (!isNoGroup(err)) throw err;
      // The stream was recreated without its group (Redis lost its data): make it, read again.
      this.known.delete(stream);
      await this.ensureGroup(stream, group);
      reply = await readOnce();
    }
    return this.parse(stream, group, reply?.[0]?.[1] ?? []);
  }

  /** Takes over entries another consumer has held longer than `idleMs` (a dead executor's). */
  async autoclaim(
    stream: string,
    group: string,
    consumer: string,
    idleMs: number,
    count = 100,
  ): Promise<StreamEntry[]> {
    try {
      const reply = (await this.redis.xautoclaim(stream, group, consumer, idleMs, '0', 'COUNT', count)) as [
        string,
        RawEntries,
        string[]?,
      ];
      return this.parse(stream, group, reply[1]);
    } catch (err) {
      if (isNoGroup(err)) return [];
      throw err;
    }
  }

  async ack(stream: string, group: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.redis
      .multi()
      .xack(stream, group, ...ids)
      .xdel(stream, ...ids)
      .exec();
  }

  /**
   * Acknowledges whatever entries for `applicationId` the consumer still holds (its pending list is
   * at most its capacity long), once the application's outcome is recorded in Postgres.
   */
  async ackApplication(stream: string, group: string, consumer: string, applicationId: string): Promise<void> {
    let pending: [string, string, number, number][];
    try {
      pending = (await this.redis.xpending(stream, group, '-', '+', 100, consumer)) as [
        string,
        string,
        number,
        number,
      ][];
    } catch (err) {
      if (isNoGroup(err)) return;
      throw err;
    }
    const ids: string[] = [];
    for (const [id] of pending) {
      const entries = (await this.redis.xrange(stream, id, id)) as RawEntries;
      const parsed = entries[0] ? fromFields(stream, id, entries[0][1]) : { bad: id };
      if ('bad' in parsed || parsed.work.applicationId === applicationId) ids.push(id);
    }
    await this.ack(stream, group, ids);
  }

  /** Redis lost its data: no group is known to exist any more. */
  forgetGroups(): void {
    this.known.clear();
  }

  private async parse(stream: string, group: string, raw: RawEntries): Promise<StreamEntry[]> {
    const entries: StreamEntry[] = [];
    const bad: string[] = [];
    for (const [id, fields] of raw) {
      // A null body is an entry deleted while pending: nothing to deliver, just drop it.
      const parsed = fromFields(stream, id, fields);
      if ('bad' in parsed) bad.push(parsed.bad);
      else entries.push(parsed);
    }
    await this.ack(stream, group, bad);
    return entries;
  }
}
