// Every Redis key and channel name, in one place. Per-user keys carry the hash tag {u:<id>} so a
// Redis Cluster keeps a user's keys on one shard; nothing else may build a key by hand.
export const SERVER_GROUP = 'server-workers';
export const DEVICE_GROUP = 'devices';

export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** Server-lane work of one priority (higher is served first). */
  serverStream(priority: number): string {
    return `${this.prefix}:{srv:p${priority}}:work`;
  }

  /** Device-lane work of one user; the user's devices are consumers of one group. */
  deviceStream(userId: string): string {
    return `${this.prefix}:{u:${userId}}:work`;
  }

  /** Which gateway node each of the user's connected devices is on (field deviceId → node id). */
  presence(userId: string): string {
    return `${this.prefix}:{u:${userId}}:presence`;
  }

  /** Users whose device stream exists, for the reaper's sweep of abandoned consumers. */
  deviceStreamIndex(): string {
    return `${this.prefix}:device-streams`;
  }

  /** Set while Redis still holds what we wrote; its absence after a reconnect means data loss. */
  epoch(): string {
    return `${this.prefix}:epoch`;
  }

  /** Tells one gateway node that a device it serves has connected elsewhere (the message: its id). */
  nodeReplacedChannel(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}:replaced`;
  }

  /** Tells one gateway node that a user it serves has new work. */
  nodeChannel(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}`;
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
