// One device's conversation with the backend, whatever carries it (a WebSocket, or long-poll
// requests): it answers each executor message with the protocol's reply and keeps track of what
// the device holds and was offered. A stream entry is acknowledged once Postgres has recorded
// what became of it (claimed, or refused); from then on the lease in Postgres tracks the work.
import type { Device } from '@jobswipe/db';
import { ApplyStep } from '@jobswipe/protocol';
import type { BackendMessage, ExecutorMessage, HeldLease, OfferMessage } from '@jobswipe/protocol/device';
import type { Counter } from 'prom-client';
import type { AppContext } from '../context.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { answerAttempt } from '../leases/answer-attempt.ts';
import { claim } from '../leases/claim.ts';
import { type Executor, holdsLease } from '../leases/executor.ts';
import { heartbeat } from '../leases/heartbeat.ts';
import { isRedisReady } from '../redis/connection.ts';
import { DEVICE_GROUP } from '../redis/keys.ts';
import type { OfferSource } from './offer-source.ts';

export type Send = (message: BackendMessage) => void;

export class DeviceSession {
  readonly executor: Extract<Executor, { kind: 'device' }>;
  capacity = 1;
  /** Applications this device holds a lease on, with the token. */
  readonly held = new Map<string, bigint>();
  /** Offered applications whose claim is being decided. */
  private readonly claiming = new Set<string>();
  /** Applications whose heartbeat, result or release is being handled (the handler answers). */
  private readonly answered = new Set<string>();
  /** Applications offered and not yet claimed, with when they were offered. */
  readonly offered = new Map<string, number>();
  private pendingRead = true;

  constructor(
    private readonly ctx: AppContext,
    readonly device: Device,
    private readonly offers: OfferSource,
    private readonly streams: WorkStreams,
    private readonly send: Send,
    /** Closes the device's connection (it was revoked). */
    readonly disconnect: () => void,
    /** Counts each read for work (gateway-metrics.ts). */
    private readonly pumps: Counter,
  ) {
    this.executor = { kind: 'device', deviceId: device.id, userId: device.userId };
  }

  /**
   * Set when the device declined an offer: it is fuller than we counted. It ends with the device's
   * next message of any other kind, or after the offer timeout, whichever comes first; either way
   * the device is offered work again at once.
   */
  private saturated: NodeJS.Timeout | null = null;
  private closed = false;

  get free(): number {
    if (this.saturated || this.closed) return 0;
    return Math.max(0, this.capacity - this.held.size - this.offered.size);
  }

  /** Takes back offers left unclaimed too long. */
  expireOffers(): Promise<void> {
    return this.handBackOffers(Date.now() - this.ctx.config.OFFER_TIMEOUT_MS);
  }

  /** The connection ended: nothing more is offered through this session. */
  close(): void {
    this.closed = true;
    this.unsaturate();
  }

  private saturate(): void {
    this.unsaturate();
    this.saturated = setTimeout(() => this.pumpNow(), this.ctx.config.OFFER_TIMEOUT_MS);
    this.saturated.unref();
  }

  /** Ends the declined state; true when it was on. */
  private unsaturate(): boolean {
    if (!this.saturated) return false;
    clearTimeout(this.saturated);
    this.saturated = null;
    return true;
  }

  private pumpNow(): void {
    this.saturated = null;
    this.pump().catch((err) => this.ctx.log.warn({ err, deviceId: this.device.id }, 'offering work failed'));
  }

  /** Checks the leases a reconnecting device says it holds: each is renewed (`lease`) or `lost`. */
  async resume(held: HeldLease[]): Promise<void> {
    for (const lease of held) {
      const token = BigInt(lease.leaseToken);
      const app = await this.ctx.db.prisma.application.findFirst({
        where: {
          id: lease.applicationId,
          userId: this.device.userId,
          leaseOwner: `device:${this.device.id}`,
          leaseToken: token,
        },
      });
      const renewed =
        app && (app.status === 'CLAIMED' || app.status === 'RUNNING')
          ? await heartbeat(this.ctx, this.executor, {
              applicationId: app.id,
              leaseToken: token,
              step: ApplyStep.catch('open').parse(app.progressStep),
              percent: app.progressPct ?? 0,
              message: 'Device reconnected.',
            })
          : null;
      if (renewed?.ok) {
        this.held.set(lease.applicationId, token);
        this.send({
          type: 'lease',
          applicationId: lease.applicationId,
          leaseToken: lease.leaseToken,
          leaseExpiresAt: renewed.leaseExpiresAt.toISOString(),
        });
      } else {
        this.send({
          type: 'lost',
          applicationId: lease.applicationId,
          message: 'This lease is no longer yours: it lapsed, or the application was cancelled.',
        });
      }
    }
  }

  private pumping: Promise<OfferMessage[]> = Promise.resolve([]);

  /**
   * Offers work up to the device's free capacity: first (once per connection) what it holds a lease
   * on without knowing it and its own unclaimed entries, then new ones.
   * Calls are serialized, so two nudges at once cannot offer more than the capacity.
   */
  pump(): Promise<OfferMessage[]> {
    this.pumping = this.pumping.catch(() => []).then(() => this.pumpOnce());
    return this.pumping;
  }

  private async pumpOnce(): Promise<OfferMessage[]> {
    this.pumps.inc();
    await this.expireOffers();
    const sent: OfferMessage[] = [];
    const take = (offers: OfferMessage[]) => {
      for (const offer of offers) {
        this.offered.set(offer.applicationId, Date.now());
        sent.push(offer);
      }
      return offers.length;
    };
    const exclude = () => new Set([...this.held.keys(), ...this.offered.keys()]);
    if (this.pendingRead) {
      take(await this.offers.unknownLeases(this.executor, this.free, exclude()));
      const free = this.free;
      // Its pending list is exhausted once it yields fewer than asked for.
      if (take(await this.offers.next(this.executor, free, '0', exclude())) < free) this.pendingRead = false;
    }
    take(await this.offers.next(this.executor, this.free, '>', exclude()));
    for (const offer of sent) this.send(offer);
    return sent;
  }

  async handle(message: ExecutorMessage): Promise<void> {
    if (message.type === 'decline') this.saturate();
    else if (this.unsaturate()) this.pumpNow();
    switch (message.type) {
      case 'claim': {
        // One it already holds is a repeated claim (its reply was lost): not over capacity.
        if (!this.held.has(message.applicationId) && this.held.size >= this.capacity) {
          this.send({
            type: 'rejected',
            applicationId: message.applicationId,
            reason: 'over_capacity',
            message: `You already hold ${this.held.size} application(s), your stated capacity.`,
          });
          await this.handBack(message.applicationId);
          return;
        }
        // It keeps its slot (counted as offered, never expired) until the claim is decided, and
        // moves to held in the same step, so a pump meanwhile can neither offer past the
        // device's capacity nor hand it back to the stream.
        const id = message.applicationId;
        this.offered.set(id, this.offered.get(id) ?? Date.now());
        this.claiming.add(id);
        let outcome: Awaited<ReturnType<typeof claim>>;
        try {
          outcome = await claim(this.ctx, this.executor, id);
        } catch (err) {
          // Nothing was recorded: the entry goes back at once, so the application is offered
          // again instead of waiting out a lease in this device's pending list.
          this.claiming.delete(id);
          await this.handBack(id).catch((e) => this.ctx.log.warn({ err: e }, 'handing back an offer failed'));
          throw err;
        }
        this.claiming.delete(id);
        this.offered.delete(id);
        if (outcome.ok) this.held.set(id, outcome.application.leaseToken);
        if (outcome.ok) this.send(outcome.order);
        else this.send({ type: 'rejected', applicationId: id, reason: outcome.reason, message: outcome.message });
        await this.ackEntry(id);
        return;
      }
      case 'heartbeat':
      case 'result':
      case 'release':
        return this.answering(message.applicationId, async () => {
          const answer = await answerAttempt(this.ctx, this.executor, message);
          // A result or release ends the lease whatever the answer; a heartbeat only when refused.
          if (message.type !== 'heartbeat' || answer.type === 'lost') this.held.delete(message.applicationId);
          this.send(answer);
        });
      case 'decline':
        await this.handBack(message.applicationId);
        return;
      case 'capacity':
        this.capacity = message.capacity;
        return;
      case 'ping':
        this.send({ type: 'pong', ...(message.at === undefined ? {} : { at: message.at }) });
        return;
      case 'pong':
      case 'hello':
        return;
    }
  }

  /**
   * Runs the handler of a heartbeat, result or release, which answers it. Meanwhile the status
   * event of the change it makes is not news for this device: one answer per message.
   */
  private async answering(applicationId: string, handler: () => Promise<void>): Promise<void> {
    this.answered.add(applicationId);
    try {
      await handler();
    } finally {
      this.answered.delete(applicationId);
    }
  }

  /**
   * An event says the application left the held statuses. Events can arrive late and out of
   * order (the swipe's "now QUEUED" after the claim), so Postgres decides: only if this device
   * no longer holds the lease is it told to stop (`cancel` when the user cancelled, else `lost`).
   */
  async recheck(applicationId: string): Promise<void> {
    const token = this.held.get(applicationId);
    if (token === undefined || this.answered.has(applicationId)) return;
    const app = await this.ctx.db.prisma.application.findUnique({
      where: { id: applicationId },
      select: { status: true, leaseToken: true, leaseOwner: true },
    });
    if (app && holdsLease(app, this.executor, token)) return;
    // Answered meanwhile (a result, a lost heartbeat): that answer was the news.
    if (this.held.get(applicationId) !== token || this.answered.has(applicationId)) return;
    this.held.delete(applicationId);
    const status = app?.status ?? 'gone';
    this.send(
      status === 'CANCELLED'
        ? { type: 'cancel', applicationId, reason: 'Cancelled by the user.' }
        : { type: 'lost', applicationId, message: `The application is now ${status}.` },
    );
  }

  /**
   * Gives back offers the device did not claim (all of them when it disconnects; those older than
   * `offeredBefore` otherwise, so an offer it ignored cannot hold a slot forever), so the user's
   * other devices get them.
   */
  async handBackOffers(offeredBefore = Number.POSITIVE_INFINITY): Promise<void> {
    for (const [applicationId, at] of this.offered) {
      if (at <= offeredBefore && !this.claiming.has(applicationId)) await this.handBack(applicationId);
    }
  }

  /** Takes one offer back and makes it available to the user's devices again. */
  private async handBack(applicationId: string): Promise<void> {
    if (!this.offered.delete(applicationId) || !isRedisReady(this.ctx.redis)) return;
    await this.streams.publish({ applicationId, userId: this.device.userId, lane: 'device', priority: 0 });
    await this.ackEntry(applicationId);
  }

  private async ackEntry(applicationId: string): Promise<void> {
    if (!isRedisReady(this.ctx.redis)) return;
    await this.streams
      .ackApplication(this.ctx.keys.deviceStream(this.device.userId), DEVICE_GROUP, this.device.id, applicationId)
      .catch((err) => this.ctx.log.debug({ err }, 'stream ack failed; the reaper will clean it'));
  }
}
