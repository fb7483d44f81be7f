// Noticing that Redis lost its data while the connection stayed up (FLUSHALL, a failover to an
// empty replica): nothing disconnects, so each node watches the epoch key (recovery/refill.ts sets
// it once per loss, then rebuilds the streams). When the key is gone or has changed, or the
// connection came back (perhaps to an empty Redis), the node runs its recovery: say again where
// its devices are, forget which groups exist, and offer its sessions what is waiting.
import type { AppContext } from '../context.ts';
import { isRedisReady } from './connection.ts';

export class RedisDataWatch {
  /** The epoch last seen; undefined until first read. */
  private seen: string | null | undefined;
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

  /** Reads the epoch; recovers if it is not the one seen before. */
  check(): Promise<void> {
    this.checking ??= this.read().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async read(): Promise<void> {
    if (!isRedisReady(this.ctx.redis)) return;
    let epoch: string | null;
    try {
      epoch = await this.ctx.redis.get(this.ctx.keys.epoch());
    } catch {
      return;
    }
    const changed = this.seen !== undefined && epoch !== this.seen;
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
