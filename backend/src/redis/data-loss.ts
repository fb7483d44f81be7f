// Noticing that Redis lost its data while the connection stayed up (FLUSHALL, a failover to an
// empty replica): nothing disconnects, so each node watches the epoch keys, one per slot that
// holds delivery keys (each bucket of users, and the server lane; recovery/refill.ts sets each
// once per loss, then rebuilds what that slot held). In a Redis Cluster one shard can come back
// empty while the others keep their data: its buckets' epochs go with it. When any epoch is gone
// or has changed, or the connection came back (perhaps to an empty Redis), the node runs its
// recovery: say again where its devices are, forget which groups exist, and offer its sessions
// what is waiting. The same reads probe Redis: while they fail on a connection that says it is
// ready (a Cluster missing a shard, a server that stopped answering) the node runs degraded, on
// Postgres, and recovers once they answer again.
import type { AppContext } from '../context.ts';
import { recordRedisProbe } from './connection.ts';

export class RedisDataWatch {
  /** The epochs last seen, joined; undefined until first read. */
  private seen: string | undefined;
  /** The last read failed. */
  private failing = false;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly recover: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
    this.ctx.redis.on('ready', this.onReady);
    void this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.ctx.redis.off('ready', this.onReady);
  }

  private readonly onReady = () => void this.run();

  /** Reads the epochs; recovers if they are not the ones seen before. */
  check(): Promise<void> {
    this.checking ??= this.read().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async read(): Promise<void> {
    const redis = this.ctx.redis;
    if (redis.status !== 'ready') return;
    let epoch: string;
    try {
      // One GET per slot: a cluster cannot answer an MGET across slots. Pipelined automatically
      // (per node in a cluster), so this is a round trip per node, not per key.
      epoch = (await Promise.all(this.ctx.keys.epochs().map((key) => redis.get(key)))).join('|');
    } catch (err) {
      if (!this.failing) this.ctx.log.warn({ err }, 'Redis does not answer: running degraded until it does');
      this.failing = true;
      recordRedisProbe(redis, false);
      return;
    }
    recordRedisProbe(redis, true);
    // Back from failing: what was published meanwhile was never nudged.
    const changed = this.failing || (this.seen !== undefined && epoch !== this.seen);
    this.failing = false;
    this.seen = epoch;
    if (changed) await this.run();
  }

  private async run(): Promise<void> {
    try {
      await this.recover();
    } catch (err) {
      this.ctx.log.warn({ err }, 'recovering from a Redis data loss failed; the next check retries');
      this.seen = undefined;
    }
  }
}
