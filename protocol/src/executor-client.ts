// The executor side of the device protocol, for every host: the desktop agent (Node, `ws`), the
// extension's service worker (the browser's WebSocket). It connects and says hello with what it
// still holds, claims offers up to its capacity, runs each claimed application as an attempt
// (attempt-runner.ts: heartbeats, checkpoint, one result) over its socket, and keeps at it across
// disconnects: reconnecting with exponential backoff and full jitter, resending unacknowledged
// results, and stopping an attempt the moment the backend says it is no longer ours.

import {
  type AttemptExecute,
  type AttemptOutcome,
  AttemptRunner,
  type AttemptTransport,
  outcomeMessage,
} from './attempt-runner.ts';
import type { ApplyStep } from './automation.ts';
import {
  BackendMessage,
  CLOSE_CODES,
  type ClaimedMessage,
  type ExecutorMessage,
  type HeldLease,
  type OfferMessage,
  PING_INTERVAL_MS,
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

/** Leases that outlive the process (a file on the desktop, extension storage in the browser). */
export interface LeaseStore {
  load(): Promise<StoredLease[]>;
  save(leases: StoredLease[]): Promise<void>;
}

/** A lease held across a restart, with the result still to report when there is one. */
export interface StoredLease extends HeldLease {
  result?: AttemptOutcome;
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
  execute: AttemptExecute;
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

const OPEN = 1;

export class ExecutorClient {
  private ws: WebSocketLike | null = null;
  /** The attempts running here (claimed, not yet acknowledged or taken away), by application. */
  private readonly attempts = new Map<string, AttemptRunner>();
  private readonly claiming = new Set<string>();
  private capacity: number;
  private reconnects = 0;
  private stopped = true;
  private connected = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  /** Until when the client chose silence (idle, not pinging): no answer was due before it. */
  private silentUntil = 0;
  /** The lease length the backend announced in `welcome`. */
  private leaseMs = 60_000;
  /** Leases from before a restart that have no attempt running here: released or their result resent. */
  private restored: StoredLease[] = [];
  /** The socket as the attempts' transport: replies are routed to them by `receive`. */
  private readonly transport: AttemptTransport = {
    connected: () => this.connected,
    send: (message) => this.send(message),
  };

  constructor(private readonly options: ExecutorClientOptions) {
    this.capacity = options.capacity;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Applications running here, with their last reported step. */
  get running(): Array<{ applicationId: string; step: ApplyStep; percent: number }> {
    return [...this.attempts.values()].map((a) => ({ applicationId: a.applicationId, ...a.progress }));
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.restored = (await this.options.store?.load()) ?? [];
    this.open();
  }

  /**
   * Stops taking work. With `handBack`, running attempts are aborted and handed back at once (they
   * are queued again instead of waiting for their leases to lapse); without, it waits for them.
   */
  async stop(options: { handBack: boolean } = { handBack: true }): Promise<void> {
    this.setCapacity(0);
    if (options.handBack) {
      for (const attempt of this.attempts.values()) void attempt.handBack('The executor is shutting down.');
    }
    await this.whenIdle(5_000);
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.ws?.close(1000, 'executor stopped');
    this.ws = null;
    this.connected = false;
  }

  /** 0 pauses: no new offers; running attempts continue. */
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    this.send({ type: 'capacity', capacity });
  }

  private whenIdle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve) => {
      const check = () => {
        if (this.attempts.size === 0 || Date.now() > deadline || !this.connected) resolve();
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
      for (const attempt of this.attempts.values()) attempt.disconnected();
      if ((event as { code?: unknown } | null)?.code === CLOSE_CODES.replaced) {
        // Another live connection speaks for this device: reconnecting would only take turns with it.
        this.stopped = true;
        this.emit({ type: 'fatal', message: 'This device connected again from somewhere else: this copy stopped.' });
      }
      if (this.stopped) return;
      const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 500, maxMs: 30_000 };
      const ceiling = Math.min(maxMs, baseMs * 2 ** this.reconnects);
      const delay = Math.round((this.options.random ?? Math.random)() * ceiling);
      this.reconnects += 1;
      this.emit({ type: 'disconnected', retryInMs: delay });
      this.reconnectTimer = setTimeout(() => this.open(), delay);
    };
  }

  private heldLeases(): HeldLease[] {
    const running = [...this.attempts.values()].map((a) => ({
      applicationId: a.applicationId,
      leaseToken: a.leaseToken,
    }));
    const fromStore = this.restored.map((l) => ({ applicationId: l.applicationId, leaseToken: l.leaseToken }));
    return [...running, ...fromStore].slice(0, 20);
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
        this.reconnects = 0;
        this.startPinging(message.pingIntervalMs);
        this.emit({ type: 'connected', deviceId: message.deviceId });
        return;
      case 'offer':
        this.emit({ type: 'offer', applicationId: message.applicationId, job: message.job });
        if (this.attempts.has(message.applicationId) || this.claiming.has(message.applicationId)) return;
        if (this.attempts.size + this.claiming.size < this.capacity) {
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
        const attempt = this.attempts.get(message.applicationId);
        const { applicationId, leaseToken, leaseExpiresAt } = message;
        if (attempt) attempt.receive({ type: 'lease', applicationId, leaseToken, leaseExpiresAt });
        else this.run(message);
        return;
      }
      case 'rejected':
        this.claiming.delete(message.applicationId);
        return;
      case 'lease': {
        const attempt = this.attempts.get(message.applicationId);
        if (attempt) attempt.receive(message);
        else this.resumeRestored(message.applicationId, message.leaseToken);
        return;
      }
      case 'lost':
      case 'cancel': {
        this.attempts.get(message.applicationId)?.receive(message);
        this.restored = this.restored.filter((l) => l.applicationId !== message.applicationId);
        void this.persist();
        const text = message.type === 'lost' ? message.message : message.reason;
        this.emit({ type: 'lost', applicationId: message.applicationId, message: text });
        return;
      }
      case 'ack':
        this.attempts.get(message.applicationId)?.receive(message);
        this.restored = this.restored.filter((l) => l.applicationId !== message.applicationId);
        void this.persist();
        this.emit({ type: 'finished', applicationId: message.applicationId, status: message.status });
        return;
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
      if (this.options.pingWhileIdle === false && this.attempts.size + this.claiming.size === 0) {
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

  /**
   * A lease held from before a restart is still ours: report its result if it had one, else hand
   * it back (a browser session cannot be resumed mid-form).
   */
  private resumeRestored(applicationId: string, leaseToken: string): void {
    const stored = this.restored.find((l) => l.applicationId === applicationId);
    if (!stored) return;
    const outcome = stored.result ?? { release: 'The executor restarted and cannot resume this application.' };
    this.send(outcomeMessage(applicationId, leaseToken, outcome));
  }

  private run(order: ClaimedMessage): void {
    const attempt = new AttemptRunner({
      order,
      transport: this.transport,
      leaseMs: this.leaseMs,
      ...(this.options.heartbeatMs ? { heartbeatMs: this.options.heartbeatMs } : {}),
      execute: this.options.execute,
      onEvent: (event) => {
        const { applicationId } = order;
        if (event.type === 'progress') this.emit({ ...event, applicationId });
        if (event.type === 'ended') this.attempts.delete(applicationId);
        if (event.type !== 'progress') void this.persist();
      },
    });
    this.attempts.set(order.applicationId, attempt);
    void this.persist();
    this.emit({ type: 'claimed', order });
    void attempt.start();
  }

  private async persist(): Promise<void> {
    if (!this.options.store) return;
    const leases: StoredLease[] = [
      ...[...this.attempts.values()].map((a) => ({
        applicationId: a.applicationId,
        leaseToken: a.leaseToken,
        ...(a.outcome ? { result: a.outcome } : {}),
      })),
      ...this.restored,
    ];
    await this.options.store.save(leases).catch(() => {});
  }
}
