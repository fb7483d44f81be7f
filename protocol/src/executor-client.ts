// The executor side of the device protocol, for every host: the desktop agent (Node, `ws`), the
// extension's service worker (the browser's WebSocket). It connects and says hello with what it
// still holds, claims offers up to its capacity, runs each claimed application through the host's
// `execute`, heartbeats with progress, reports the result, and keeps at it across disconnects:
// reconnecting with exponential backoff and full jitter, resending unacknowledged results, and
// stopping a job the moment the backend says it is no longer ours.
import type { ApplyResult, ApplyStep } from './automation.ts';
import {
  BackendMessage,
  CLOSE_CODES,
  type ClaimedMessage,
  type ExecutorMessage,
  type HeldLease,
  type OfferMessage,
  PING_INTERVAL_MS,
  REPORT_LIMITS,
  type ResultMessage,
} from './device.ts';
import type { DeviceKind } from './domain.ts';

/** The part of a WebSocket the client uses: the browser's and `ws`'s both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** What a job ended with: a result to report, or a hand-back (it could not run it now, or at all). */
export type JobOutcome =
  | (Omit<ResultMessage, 'type' | 'applicationId' | 'leaseToken' | 'filled' | 'submitRefused'> & {
      filled?: ResultMessage['filled'];
      submitRefused?: boolean;
    })
  | { release: string; retryInMs?: number };

/** An attempt's result as the outcome to report, clipped to what a result may carry. */
export function jobOutcomeOf(
  result: Pick<ApplyResult, 'outcome' | 'errorClass' | 'message' | 'confirmation' | 'unanswered'> &
    Partial<Pick<ApplyResult, 'filled' | 'submitRefused'>>,
  evidenceIds: string[] = [],
): JobOutcome {
  const clip = (text: string | null) => (text ? text.slice(0, REPORT_LIMITS.text) : null);
  return {
    outcome: result.outcome,
    errorClass: result.errorClass,
    message: clip(result.message),
    confirmation: clip(result.confirmation),
    unanswered: result.unanswered.slice(0, REPORT_LIMITS.unanswered),
    evidenceIds: evidenceIds.slice(0, REPORT_LIMITS.evidence),
    submitRefused: result.submitRefused ?? false,
    filled: (result.filled ?? [])
      .slice(0, REPORT_LIMITS.filled)
      .map((f) => ({ ...f, value: f.value.slice(0, REPORT_LIMITS.filledValue) })),
  };
}

/** The message that reports `outcome` under the lease `leaseToken`. */
export function outcomeMessage(applicationId: string, leaseToken: string, outcome: JobOutcome): ExecutorMessage {
  if (!('release' in outcome))
    return {
      type: 'result',
      applicationId,
      leaseToken,
      ...outcome,
      filled: outcome.filled ?? [],
      submitRefused: outcome.submitRefused ?? false,
    };
  return {
    type: 'release',
    applicationId,
    leaseToken,
    reason: outcome.release,
    ...(outcome.retryInMs ? { retryInMs: outcome.retryInMs } : {}),
  };
}

export interface JobControl {
  /** Aborted when the backend takes the job away (lease lost, cancelled) or the client stops. */
  readonly signal: AbortSignal;
  /**
   * Reports progress. Resolves once the backend has recorded it (its lease reply), so awaiting
   * `progress('submitting', …)` makes the pre-submit checkpoint durable before the final click.
   * Rejects if the job was taken away meanwhile.
   */
  progress(step: ApplyStep, percent: number, message?: string): Promise<void>;
}

/** Leases that outlive the process (a file on the desktop, extension storage in the browser). */
export interface LeaseStore {
  load(): Promise<StoredLease[]>;
  save(leases: StoredLease[]): Promise<void>;
}

/** A lease held across a restart, with the result still to report when there is one. */
export interface StoredLease extends HeldLease {
  result?: JobOutcome;
}

export type ClientEvent =
  | { type: 'connected'; deviceId: string }
  | { type: 'offer'; applicationId: string; job: OfferMessage['job'] }
  | { type: 'disconnected'; retryInMs: number }
  | { type: 'claimed'; order: ClaimedMessage }
  | { type: 'progress'; applicationId: string; step: ApplyStep; percent: number }
  | { type: 'finished'; applicationId: string; status: string }
  | { type: 'lost'; applicationId: string; message: string }
  | { type: 'error'; code: string; message: string }
  | { type: 'fatal'; message: string };

export interface ExecutorClientOptions {
  url: string;
  token: string;
  kind: DeviceKind;
  version: string;
  capacity: number;
  connect: (url: string) => WebSocketLike;
  execute: (order: ClaimedMessage, control: JobControl) => Promise<JobOutcome>;
  store?: LeaseStore;
  /** Heartbeat period; by default a third of the lease the backend announces, at most 20 s. */
  heartbeatMs?: number;
  /**
   * Keepalive pings while holding no work (default true). The extension says false: an idle MV3
   * worker may then be stopped by Chrome, and its alarm reconnects it; while it holds work, a
   * ping (and the heartbeats) every 20 s at most keep it alive.
   */
  pingWhileIdle?: boolean;
  backoff?: { baseMs: number; maxMs: number };
  onEvent?: (event: ClientEvent) => void;
  random?: () => number;
}

interface Job {
  applicationId: string;
  leaseToken: string;
  abort: AbortController;
  step: ApplyStep;
  percent: number;
  message: string | undefined;
  /** Progress calls waiting for the backend's lease reply. */
  waiting: Array<{ resolve: () => void; reject: (err: Error) => void }>;
  result: JobOutcome | null;
  timer: ReturnType<typeof setInterval> | null;
}

const OPEN = 1;

export class JobTakenAway extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobTakenAway';
  }
}

export class ExecutorClient {
  private ws: WebSocketLike | null = null;
  private readonly jobs = new Map<string, Job>();
  private readonly claiming = new Set<string>();
  private capacity: number;
  private attempts = 0;
  private stopped = true;
  private connected = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  /** Until when the client chose silence (idle, not pinging): no answer was due before it. */
  private silentUntil = 0;
  /** The lease length the backend announced in `welcome`. */
  private leaseMs = 60_000;
  /** Leases from before a restart that have no job running here: released or their result resent. */
  private restored: StoredLease[] = [];

  constructor(private readonly options: ExecutorClientOptions) {
    this.capacity = options.capacity;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Applications running here, with their last reported step. */
  get running(): Array<{ applicationId: string; step: ApplyStep; percent: number }> {
    return [...this.jobs.values()].map((j) => ({ applicationId: j.applicationId, step: j.step, percent: j.percent }));
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.restored = (await this.options.store?.load()) ?? [];
    this.open();
  }

  /**
   * Stops taking work. With `handBack`, running jobs are aborted and handed back at once (they
   * are queued again instead of waiting for their leases to lapse); without, it waits for them.
   */
  async stop(options: { handBack: boolean } = { handBack: true }): Promise<void> {
    this.setCapacity(0);
    if (options.handBack) {
      for (const job of this.jobs.values()) {
        if (job.result) continue;
        job.result = { release: 'The executor is shutting down.' };
        job.abort.abort(new JobTakenAway('shutting down'));
        this.sendResult(job);
      }
    }
    await this.whenIdle(5_000);
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.ws?.close(1000, 'executor stopped');
    this.ws = null;
    this.connected = false;
  }

  /** 0 pauses: no new offers; running jobs continue. */
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    this.send({ type: 'capacity', capacity });
  }

  private whenIdle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve) => {
      const check = () => {
        if (this.jobs.size === 0 || Date.now() > deadline || !this.connected) resolve();
        else setTimeout(check, 50);
      };
      check();
    });
  }

  private emit(event: ClientEvent): void {
    this.options.onEvent?.(event);
  }

  private open(): void {
    if (this.stopped) return;
    const ws = this.options.connect(this.options.url);
    this.ws = ws;
    ws.onopen = () => {
      this.lastHeard = Date.now();
      this.send({
        type: 'hello',
        token: this.options.token,
        kind: this.options.kind,
        version: this.options.version,
        capacity: this.capacity,
        held: this.heldLeases(),
      });
    };
    // A socket given up on (no answer) may still deliver: only the current one speaks for us.
    ws.onmessage = (event) => {
      if (this.ws === ws) this.receive(event.data);
    };
    ws.onerror = () => {};
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.connected = false;
      if (this.pingTimer) clearInterval(this.pingTimer);
      for (const id of this.claiming) this.claiming.delete(id);
      if ((event as { code?: unknown } | null)?.code === CLOSE_CODES.replaced) {
        // Another live connection speaks for this device: reconnecting would only take turns with it.
        this.stopped = true;
        this.emit({ type: 'fatal', message: 'This device connected again from somewhere else: this copy stopped.' });
      }
      if (this.stopped) return;
      const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 500, maxMs: 30_000 };
      const ceiling = Math.min(maxMs, baseMs * 2 ** this.attempts);
      const delay = Math.round((this.options.random ?? Math.random)() * ceiling);
      this.attempts += 1;
      this.emit({ type: 'disconnected', retryInMs: delay });
      this.reconnectTimer = setTimeout(() => this.open(), delay);
    };
  }

  private heldLeases(): HeldLease[] {
    const fromJobs = [...this.jobs.values()].map((j) => ({ applicationId: j.applicationId, leaseToken: j.leaseToken }));
    const fromStore = this.restored.map((l) => ({ applicationId: l.applicationId, leaseToken: l.leaseToken }));
    return [...fromJobs, ...fromStore].slice(0, 20);
  }

  private send(message: ExecutorMessage): boolean {
    if (this.ws?.readyState !== OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  private receive(data: unknown): void {
    this.lastHeard = Date.now();
    let parsed: ReturnType<typeof BackendMessage.safeParse>;
    try {
      parsed = BackendMessage.safeParse(JSON.parse(String(data)));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'welcome':
        this.leaseMs = message.leaseMs;
        this.connected = true;
        this.attempts = 0;
        this.startPinging(message.pingIntervalMs);
        this.emit({ type: 'connected', deviceId: message.deviceId });
        return;
      case 'offer':
        this.emit({ type: 'offer', applicationId: message.applicationId, job: message.job });
        if (this.jobs.has(message.applicationId) || this.claiming.has(message.applicationId)) return;
        if (this.jobs.size + this.claiming.size < this.capacity) {
          this.claiming.add(message.applicationId);
          this.send({ type: 'claim', applicationId: message.applicationId });
        } else {
          this.send({ type: 'decline', applicationId: message.applicationId });
        }
        return;
      case 'claimed': {
        this.claiming.delete(message.applicationId);
        // A claim repeated after a lost reply gets the same lease back (claims are idempotent per
        // executor): the application is already running here, so it must not run twice.
        if (this.jobs.has(message.applicationId)) this.onLease(message.applicationId, message.leaseToken);
        else this.run(message);
        return;
      }
      case 'rejected':
        this.claiming.delete(message.applicationId);
        return;
      case 'lease':
        this.onLease(message.applicationId, message.leaseToken);
        return;
      case 'lost':
      case 'cancel': {
        const text = message.type === 'lost' ? message.message : message.reason;
        this.takeAway(message.applicationId, text);
        return;
      }
      case 'ack': {
        const job = this.jobs.get(message.applicationId);
        if (job) this.finish(job);
        this.restored = this.restored.filter((l) => l.applicationId !== message.applicationId);
        void this.persist();
        this.emit({ type: 'finished', applicationId: message.applicationId, status: message.status });
        return;
      }
      case 'error':
        // A claim the backend failed on: it hands the offer back, which may come again.
        if (message.ref === 'claim' && message.applicationId) this.claiming.delete(message.applicationId);
        this.emit({ type: 'error', code: message.code, message: message.message });
        if (message.code === 'unauthenticated') {
          this.emit({ type: 'fatal', message: `${message.message} Pair this device again.` });
          this.stopped = true;
          this.ws?.close(1000, 'unauthenticated');
        }
        return;
      case 'ping':
        this.send({ type: 'pong', ...(message.at === undefined ? {} : { at: message.at }) });
        return;
      case 'pong':
        return;
    }
  }

  private startPinging(intervalMs: number): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    const every = Math.min(intervalMs, PING_INTERVAL_MS);
    this.pingTimer = setInterval(() => {
      if (this.options.pingWhileIdle === false && this.jobs.size + this.claiming.size === 0) {
        this.silentUntil = Date.now();
        return;
      }
      // Two silent periods: the connection is dead even if the socket has not noticed.
      if (Date.now() - Math.max(this.lastHeard, this.silentUntil) > 2 * every + 5_000) {
        this.ws?.close(4000, 'no answer');
        this.ws?.onclose?.({});
        return;
      }
      this.send({ type: 'ping', at: Date.now() });
    }, every);
  }

  /** A lease renewed: wakes progress waiters, or finishes what a restored lease still needs. */
  private onLease(applicationId: string, leaseToken: string): void {
    const job = this.jobs.get(applicationId);
    if (job) {
      job.leaseToken = leaseToken;
      for (const w of job.waiting.splice(0)) w.resolve();
      if (job.result) this.sendResult(job);
      return;
    }
    const stored = this.restored.find((l) => l.applicationId === applicationId);
    if (!stored) return;
    // Held from before a restart: report its result if it had one, else hand it back (a browser
    // session cannot be resumed mid-form).
    const outcome = stored.result ?? { release: 'The executor restarted and cannot resume this application.' };
    this.send(outcomeMessage(applicationId, leaseToken, outcome));
  }

  private run(order: ClaimedMessage): void {
    const job: Job = {
      applicationId: order.applicationId,
      leaseToken: order.leaseToken,
      abort: new AbortController(),
      step: 'open',
      percent: 0,
      message: undefined,
      waiting: [],
      result: null,
      timer: null,
    };
    this.jobs.set(order.applicationId, job);
    void this.persist();
    this.emit({ type: 'claimed', order });
    const every = this.options.heartbeatMs ?? Math.min(PING_INTERVAL_MS, Math.floor(this.leaseMs / 3));
    job.timer = setInterval(() => this.heartbeat(job), every);
    const control: JobControl = {
      signal: job.abort.signal,
      progress: (step, percent, message) => {
        if (job.abort.signal.aborted) return Promise.reject(new JobTakenAway('This application was taken away.'));
        const changed = step !== job.step;
        job.step = step;
        job.percent = percent;
        // Clipped here, the one place heartbeats are made: a longer one would be refused.
        job.message = message?.slice(0, REPORT_LIMITS.progressMessage);
        this.emit({ type: 'progress', applicationId: job.applicationId, step, percent });
        const recorded = new Promise<void>((resolve, reject) => job.waiting.push({ resolve, reject }));
        if (changed || !this.connected) this.heartbeat(job);
        else for (const w of job.waiting.splice(0)) w.resolve();
        return recorded;
      },
    };
    this.options
      .execute(order, control)
      .catch(
        (err: unknown): JobOutcome => ({
          outcome: 'failed',
          errorClass: 'retryable',
          message: `The executor crashed: ${err instanceof Error ? err.message : String(err)}`,
          confirmation: null,
          unanswered: [],
          evidenceIds: [],
        }),
      )
      .then((outcome) => {
        // Taken away (lost, cancelled) or already handed back at shutdown: nothing to report.
        if (job.abort.signal.aborted) return;
        job.result = outcome;
        void this.persist();
        this.sendResult(job);
      });
  }

  private heartbeat(job: Job): void {
    if (job.result) return;
    this.send({
      type: 'heartbeat',
      applicationId: job.applicationId,
      leaseToken: job.leaseToken,
      step: job.step,
      percent: job.percent,
      ...(job.message ? { message: job.message } : {}),
    });
  }

  private sendResult(job: Job): void {
    const outcome = job.result;
    if (outcome) this.send(outcomeMessage(job.applicationId, job.leaseToken, outcome));
  }

  private takeAway(applicationId: string, message: string): void {
    this.restored = this.restored.filter((l) => l.applicationId !== applicationId);
    const job = this.jobs.get(applicationId);
    if (job) {
      job.abort.abort(new JobTakenAway(message));
      for (const w of job.waiting.splice(0)) w.reject(new JobTakenAway(message));
      this.finish(job);
    }
    void this.persist();
    this.emit({ type: 'lost', applicationId, message });
  }

  private finish(job: Job): void {
    if (job.timer) clearInterval(job.timer);
    this.jobs.delete(job.applicationId);
  }

  private async persist(): Promise<void> {
    if (!this.options.store) return;
    const leases: StoredLease[] = [
      ...[...this.jobs.values()].map((j) => ({
        applicationId: j.applicationId,
        leaseToken: j.leaseToken,
        ...(j.result ? { result: j.result } : {}),
      })),
      ...this.restored,
    ];
    await this.options.store.save(leases).catch(() => {});
  }
}
