// Every Redis key and channel name, in one place; nothing else may build a key by hand. Each key
// carries a hash tag that fixes its Redis Cluster slot, and every multi-key command (MULTI,
// scripts, a read over several streams) stays within one tag:
// - `{d<n>}`: one of DEVICE_BUCKETS buckets of users (by a hash of the user id). A user's device
//   stream and presence live there with the bucket's index of streams holding pending entries and
//   its epoch, so marking a stream pending (with the read that delivers) and pruning it (when its
//   pending list is empty) are each one atomic step, and a shard that loses its data loses its
//   buckets' epochs with it.
// - `{srv}`: every server-lane stream (one per priority), so a worker waits on all of them with
//   one blocking read, and their epoch.
// - `{host:<h>}`, `{proxies}`: the worker's shared rate and proxy health, one slot each.
// Channels carry no slot: PUBLISH reaches every node's subscribers from any cluster node.
import { createHash } from 'node:crypto';

export const SERVER_GROUP = 'server-workers';
export const DEVICE_GROUP = 'devices';

/**
 * Buckets users' keys are spread over. Enough to balance a cluster of tens of masters (a bucket is
 * one slot, the unit Redis moves between shards), few enough that the reaper's sweep and the data
 * watch visit every bucket cheaply. Changing it moves every user's keys: a new key layout.
 */
export const DEVICE_BUCKETS = 256;

export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** The bucket holding a user's keys. */
  bucketOf(userId: string): number {
    return createHash('sha1').update(userId).digest().readUInt16BE(0) % DEVICE_BUCKETS;
  }

  /** Server-lane work of one priority (higher is served first). */
  serverStream(priority: number): string {
    return `${this.prefix}:{srv}:p${priority}:work`;
  }

  /** Device-lane work of one user; the user's devices are consumers of one group. */
  deviceStream(userId: string): string {
    return `${this.prefix}:{d${this.bucketOf(userId)}}:u:${userId}:work`;
  }

  /** Which gateway node each of the user's connected devices is on (field deviceId → node id). */
  presence(userId: string): string {
    return `${this.prefix}:{d${this.bucketOf(userId)}}:u:${userId}:presence`;
  }

  /** The users of one bucket whose device stream has entries pending (delivered, not acknowledged). */
  pendingIndex(bucket: number): string {
    return `${this.prefix}:{d${bucket}}:pending`;
  }

  /** The pending index a user's device stream is listed in. */
  pendingIndexOf(userId: string): string {
    return this.pendingIndex(this.bucketOf(userId));
  }

  /**
   * Set while Redis still holds what we wrote to one slot; its absence after a reconnect or a
   * failover means that slot lost its data. One per bucket and one for the server lane, so a
   * shard that comes back empty is noticed even while the others kept theirs.
   */
  epochs(): string[] {
    return [...Array.from({ length: DEVICE_BUCKETS }, (_, bucket) => this.bucketEpoch(bucket)), this.serverEpoch()];
  }

  bucketEpoch(bucket: number): string {
    return `${this.prefix}:{d${bucket}}:epoch`;
  }

  serverEpoch(): string {
    return `${this.prefix}:{srv}:epoch`;
  }

  /** Tells one gateway node that a device it serves has connected elsewhere (the message: its id). */
  nodeReplacedChannel(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}:replaced`;
  }

  /** Tells one gateway node that a user it serves has new work. */
  nodeChannel(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}`;
  }

  /** When a right-swipe's undo grace period ends (epoch ms), announced to every node's grace release. */
  graceChannel(): string {
    return `${this.prefix}:grace`;
  }

  /** Live events for the web, fanned out by every node to its own sockets. */
  eventsChannel(): string {
    return `${this.prefix}:events`;
  }

  /** Per-host rate limiting of the server lane (used by the worker). */
  hostRate(host: string): string {
    return `${this.prefix}:{host:${host}}:rate`;
  }

  /** One proxy's health as every worker sees it (a hash; fields in proxies/proxy-health.ts). */
  proxyHealth(proxyId: string): string {
    return `${this.prefix}:{proxies}:health:${proxyId}`;
  }

  /** Server-stream priorities present in Redis, highest first, from the known plan priorities. */
  serverStreams(priorities: readonly number[]): string[] {
    return [...priorities].sort((a, b) => b - a).map((p) => this.serverStream(p));
  }
}

/** The Redis Cluster slot of a key: CRC16 (XMODEM) of its hash tag (or of the whole key), mod 16384. */
export function hashSlot(key: string): number {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  const tagged = close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(tagged)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}
