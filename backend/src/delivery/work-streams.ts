// The Redis Streams that deliver work: one per server priority (group `server-workers`) and one
// per user for their devices (group `devices`). Publishing creates the group with the entry (in
// one round trip), reads create it on demand and again after a NOGROUP (Redis lost its data), so
// no cache of groups can outlive a data loss; an acknowledged entry is deleted at once, so a
// stream holds only what is waiting or in flight. A read that hands a device's stream entries
// lists the stream in its bucket's pending index in the same step, and `prune` takes it off once
// nothing is pending, so the reaper visits only streams with entries in flight.
import { Cluster } from 'ioredis';
import type { RedisClient } from '../redis/connection.ts';
import { DEVICE_GROUP, hashSlot, type RedisKeys, SERVER_GROUP } from '../redis/keys.ts';
import { fromFields, type StreamEntry, toFields, type WorkEntry } from './work-entry.ts';

type RawEntries = [string, string[] | null][];

/** Longest a publish waits for a replica to have its entries (Redis Cluster with replicas). */
const REPLICA_WAIT_MS = 1_000;

/** Where a read lists its stream when it hands out entries: a pending index and the member. */
export interface PendingMark {
  index: string;
  member: string;
}

/**
 * read-and-mark: XREADGROUP, and when it handed out entries, SADD the stream's member to the
 * pending index (same slot), so no entry is ever pending unlisted.
 * KEYS[1] the stream, KEYS[2] the pending index; ARGV group, consumer, count, from, member.
 */
const READ_AND_MARK = `
local reply = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[3], 'STREAMS', KEYS[1], ARGV[4])
if reply and #reply[1][2] > 0 then redis.call('SADD', KEYS[2], ARGV[5]) end
return reply`;

/**
 * prune: when nothing in the stream's group is pending, takes the member off the pending index and
 * deletes the group's consumers (with nothing pending a consumer is only a name; a later read makes
 * it again). Atomic, so an entry handed out meanwhile keeps the stream listed.
 * KEYS[1] the stream, KEYS[2] the pending index; ARGV group, member. Returns 1 when pruned.
 */
const PRUNE = `
local ok, summary = pcall(redis.call, 'XPENDING', KEYS[1], ARGV[1])
if ok and summary[1] > 0 then return 0 end
if ok then
  for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], consumer[2])
  end
end
redis.call('SREM', KEYS[2], ARGV[2])
return 1`;

function isNoGroup(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('NOGROUP');
}

export class WorkStreams {
  private readonly known = new Set<string>();

  constructor(
    private readonly redis: RedisClient,
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
    const [id] = await this.publishAll([work]);
    return id as string;
  }

  /**
   * `publish` for many at once: one MULTI per hash slot adds its entries (and reads who serves
   * those users), all sent together, then one pipeline nudges those nodes. Two round trips for a
   * whole batch, not two per entry. Returns the entry ids in order.
   */
  async publishAll(works: readonly WorkEntry[]): Promise<string[]> {
    if (works.length === 0) return [];
    const bySlot = new Map<number, number[]>();
    works.forEach((work, at) => {
      const slot = hashSlot(this.streamFor(work).stream);
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), at]);
    });
    const ids: string[] = [];
    const nudges = new Map<string, Set<string>>();
    await Promise.all(
      [...bySlot.values()].map(async (indexes) => {
        const published = await this.publishInSlot(indexes.map((at) => works[at] as WorkEntry));
        indexes.forEach((at, i) => {
          const { id, nodes } = published[i] as { id: string; nodes: string[] };
          ids[at] = id;
          const { userId } = works[at] as WorkEntry;
          for (const node of nodes) nudges.set(node, (nudges.get(node) ?? new Set()).add(userId));
        });
      }),
    );
    if (nudges.size) {
      const pipeline = this.redis.pipeline();
      for (const [node, users] of nudges) for (const user of users) pipeline.publish(this.keys.nodeChannel(node), user);
      await pipeline.exec();
    }
    return ids;
  }

  /** Adds entries whose keys share one hash slot in one MULTI; answers each id and, for device work, the nodes to nudge. */
  private async publishInSlot(works: readonly WorkEntry[]): Promise<{ id: string; nodes: string[] }[]> {
    const multi = this.redis.multi();
    // The group is created in the same transaction, not from a cache: after Redis lost its data
    // (FLUSHALL, a failover to an empty replica) the stream comes back with its group. BUSYGROUP,
    // the usual case, fails that command alone; the rest of the transaction runs.
    const streams = new Map(works.map((work) => [this.streamFor(work).stream, this.streamFor(work).group]));
    for (const [stream, group] of streams) multi.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    for (const work of works) {
      multi.xadd(this.streamFor(work).stream, '*', ...toFields(work));
      if (work.lane === 'device') multi.hvals(this.keys.presence(work.userId));
    }
    const replies = (await multi.exec()) ?? [];
    for (const [groupErr] of replies.slice(0, streams.size)) {
      if (groupErr && !groupErr.message.startsWith('BUSYGROUP')) throw groupErr;
    }
    for (const stream of streams.keys()) this.known.add(stream);
    await this.replicated([...streams.keys()][0] as string);
    let at = streams.size;
    return works.map((work) => {
      const [err, id] = replies[at] ?? [new Error('XADD failed'), null];
      if (err) throw err;
      const nodes = work.lane === 'device' ? ((replies[at + 1]?.[1] as string[] | undefined) ?? []) : [];
      at += work.lane === 'device' ? 2 : 1;
      return { id: id as string, nodes };
    });
  }

  /**
   * In a Redis Cluster whose slot has a replica: waits until a replica has what this connection
   * wrote to that slot's master (WAIT, sent to the same node as a key of the slot), so a failover
   * right after does not lose entries the outbox then marks published. Best effort: with the
   * replica gone or slow it goes on after REPLICA_WAIT_MS rather than stop publishing; a master
   * lost with no replica comes back empty, which the per-slot epochs notice (recovery/refill.ts).
   */
  private async replicated(key: string): Promise<void> {
    if (!(this.redis instanceof Cluster) || (this.redis.slots[hashSlot(key)]?.length ?? 0) < 2) return;
    await this.redis.pipeline().exists(key).wait(1, REPLICA_WAIT_MS).exec();
  }

  /** Tells the nodes serving the user's devices (from their presence) that there is work. */
  async nudge(userId: string, nodes?: string[]): Promise<void> {
    const targets = new Set(nodes ?? (await this.redis.hvals(this.keys.presence(userId))));
    await Promise.all([...targets].map((node) => this.redis.publish(this.keys.nodeChannel(node), userId)));
  }

  /**
   * Reads for one consumer without blocking: `'>'` new entries (now owned by this consumer), or an
   * entry id (`'0'` for the start): the entries after it that this consumer was given before and
   * has not acknowledged. With `mark`, a read that hands out entries lists the stream there.
   */
  async read(
    stream: string,
    group: string,
    consumer: string,
    count: number,
    from: string,
    mark?: PendingMark,
  ): Promise<StreamEntry[]> {
    if (count <= 0) return [];
    await this.ensureGroup(stream, group);
    const readOnce = async () =>
      (await (mark
        ? this.redis.eval(READ_AND_MARK, 2, stream, mark.index, group, consumer, count, from, mark.member)
        : this.redis.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'STREAMS', stream, from))) as
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

  /** Takes a stream off its pending index when nothing in it is pending; answers whether it did. */
  async prune(stream: string, group: string, mark: PendingMark): Promise<boolean> {
    return (await this.redis.eval(PRUNE, 2, stream, mark.index, group, mark.member)) === 1;
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
