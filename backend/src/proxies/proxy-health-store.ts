// Proxies' health shared by every worker: one Redis hash per proxy, changed only by atomic field
// operations (HINCRBY, HSET, HDEL in one MULTI), never read-decide-write, so concurrent workers'
// reports all count. While Redis is down each worker goes on with its own copy of what it saw.

import type { Logger } from '../logger.ts';
import type { RedisClient } from '../redis/connection.ts';
import { isRedisReady } from '../redis/connection.ts';
import type { RedisKeys } from '../redis/keys.ts';
import { applyChanges, type FieldChange, healthFromFields, type ProxyHealth } from './proxy-health.ts';

/** A proxy no worker reported on for this long is forgotten (it was removed from the pool). */
const RETAIN_MS = 7 * 24 * 3600_000;

export class ProxyHealthStore {
  private readonly local = new Map<string, Record<string, string>>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly log: Logger,
  ) {}

  async read(ids: readonly string[]): Promise<Map<string, ProxyHealth>> {
    if (isRedisReady(this.redis)) {
      try {
        const pipeline = this.redis.pipeline();
        for (const id of ids) pipeline.hgetall(this.keys.proxyHealth(id));
        const replies = (await pipeline.exec()) ?? [];
        return new Map(
          ids.map((id, i) => {
            const [err, fields] = replies[i] ?? [null, {}];
            if (err) throw err;
            return [id, healthFromFields(fields as Record<string, string>)];
          }),
        );
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'proxy health: Redis read failed; using what this worker saw');
      }
    }
    return new Map(ids.map((id) => [id, healthFromFields(this.local.get(id) ?? {})]));
  }

  async record(id: string, changes: FieldChange[]): Promise<void> {
    if (changes.length === 0) return;
    this.local.set(id, applyChanges(this.local.get(id) ?? {}, changes));
    if (!isRedisReady(this.redis)) return;
    const key = this.keys.proxyHealth(id);
    const multi = this.redis.multi();
    for (const change of changes) {
      if ('add' in change) multi.hincrby(key, change.field, change.add);
      else if ('set' in change) multi.hset(key, change.field, change.set);
      else multi.hdel(key, change.field);
    }
    multi.pexpire(key, RETAIN_MS);
    try {
      await multi.exec();
    } catch (err) {
      this.log.warn({ err: (err as Error).message, proxy: id }, 'proxy health: Redis write failed; kept locally');
    }
  }
}
