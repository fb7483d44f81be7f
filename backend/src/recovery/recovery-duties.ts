// The leader's periodic duties: take back lapsed leases, queue what is due, re-deliver abandoned
// stream entries, rebuild the streams if Redis lost its data, and deliver again queued work whose
// entry a failover lost. Every node runs the loop; only
// the leader does the work.
import type { AppContext } from '../context.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { Leadership } from './leadership.ts';
import { cleanPending, reapLapsedLeases } from './reaper.ts';
import { StreamReconciler } from './reconcile.ts';
import { refillIfLost } from './refill.ts';
import { promoteDue } from './scheduler.ts';

export class RecoveryDuties {
  private readonly leadership: Leadership;
  private readonly reconciler: StreamReconciler;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** The pass asked for while one was running: it starts when that one ends. */
  private next: Promise<void> | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly streams: WorkStreams,
  ) {
    this.leadership = new Leadership(ctx.db.url, `${ctx.config.REDIS_PREFIX}:recovery`, ctx.log);
    this.reconciler = new StreamReconciler(ctx, streams);
  }

  start(): void {
    // A pass still running when the timer fires is enough: the timer never queues another.
    this.timer = setInterval(() => {
      if (!this.running) void this.tick();
    }, this.ctx.config.REAPER_INTERVAL_MS);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.next;
    await this.leadership.stepDown();
  }

  /**
   * A whole pass that starts after this call (for tests and callers that just changed something,
   * e.g. a plan upgrade): a pass already running may have read the state before the change, so
   * one more follows it. Callers meanwhile share that one.
   */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.tick();
    });
    return this.next;
  }

  private async pass(): Promise<void> {
    try {
      if (!(await this.leadership.isLeader())) return;
      const actions = this.ctx.metrics.reaperActions;
      actions.inc({ action: 'entry_refilled' }, await refillIfLost(this.ctx, this.streams));
      actions.inc({ action: 'lease_lapsed' }, await reapLapsedLeases(this.ctx));
      actions.inc({ action: 'due_queued' }, await promoteDue(this.ctx));
      const plans = await this.ctx.db.prisma.plan.findMany({ select: { priority: true } });
      const priorities = [...new Set(plans.map((p) => p.priority))];
      actions.inc({ action: 'entry_redelivered' }, await cleanPending(this.ctx, this.streams, priorities));
      actions.inc({ action: 'entry_reconciled' }, await this.reconciler.sweep());
    } catch (err) {
      this.ctx.log.warn({ err }, 'recovery pass failed; the next one retries');
    }
  }
}
