// One attempt under one lease, whatever carries its messages: the device protocol's socket (the
// ExecutorClient) or in-process calls (the server worker). It runs the host's `execute`,
// heartbeats with the latest progress every third of the lease, reports a new step at once and
// resolves `progress` only once the backend has renewed the lease (so the `submitting` checkpoint
// is recorded before the final click), stops the attempt the moment the lease is lost or the
// application cancelled, and reports its result, or hands it back, exactly once. The rules of
// docs/protocol.md ("Leases and fencing", "The pre-submit checkpoint") live here and nowhere else.
import type { ApplyResult, ApplyStep } from './automation.ts';
import {
  type BackendMessage,
  type ClaimedMessage,
  type ExecutorMessage,
  PING_INTERVAL_MS,
  REPORT_LIMITS,
  type ResultMessage,
} from './device.ts';

/** What an attempt ended with: a result to report, or a hand-back (it could not run it now, or at all). */
export type AttemptOutcome =
  | (Omit<ResultMessage, 'type' | 'applicationId' | 'leaseToken' | 'filled' | 'submitRefused'> & {
      filled?: ResultMessage['filled'];
      submitRefused?: boolean;
    })
  | { release: string; retryInMs?: number };

/** An engine's result as the outcome to report, clipped to what a result may carry. */
export function attemptOutcomeOf(
  result: Pick<ApplyResult, 'outcome' | 'errorClass' | 'message' | 'confirmation' | 'unanswered'> &
    Partial<Pick<ApplyResult, 'filled' | 'submitRefused'>>,
  evidenceIds: string[] = [],
): AttemptOutcome {
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

/** What an attempt sends: heartbeats, then one result or release. */
export type AttemptMessage = Extract<ExecutorMessage, { type: 'heartbeat' | 'result' | 'release' }>;
/** What answers it: the lease renewed or lost, the application cancelled, the report recorded. */
export type AttemptReply = Extract<BackendMessage, { type: 'lease' | 'lost' | 'cancel' | 'ack' }>;

/** The message that reports `outcome` under the lease `leaseToken`. */
export function outcomeMessage(
  applicationId: string,
  leaseToken: string,
  outcome: AttemptOutcome,
): Extract<AttemptMessage, { type: 'result' | 'release' }> {
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

export interface AttemptControl {
  /** Aborted when the backend takes the attempt away (lease lost, cancelled) or it is handed back. */
  readonly signal: AbortSignal;
  /**
   * Reports progress. Resolves once the backend has recorded it (its lease reply), so awaiting
   * `progress('submitting', …)` makes the pre-submit checkpoint durable before the final click.
   * Rejects if the attempt was taken away meanwhile.
   */
  progress(step: ApplyStep, percent: number, message?: string): Promise<void>;
}

export class AttemptTakenAway extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttemptTakenAway';
  }
}

/** What carries an attempt's messages; each reply comes back through `AttemptRunner.receive`. */
export interface AttemptTransport {
  /** False while no reply can come (disconnected): progress then waits for the lease to be renewed. */
  connected(): boolean;
  /** Sends `message`; false if it could not go out now. */
  send(message: AttemptMessage): boolean;
}

export type AttemptExecute = (order: ClaimedMessage, control: AttemptControl) => Promise<AttemptOutcome>;

/** How an attempt ended for its executor: its report recorded, or the attempt taken away. */
export type AttemptEnd = { type: 'acknowledged'; status: string } | { type: 'taken_away'; message: string };

export type AttemptEvent =
  | { type: 'progress'; step: ApplyStep; percent: number }
  /** A result or hand-back to keep until it is acknowledged (it is resent after a reconnect). */
  | { type: 'reported'; outcome: AttemptOutcome }
  | { type: 'ended'; end: AttemptEnd };

export interface AttemptRunnerOptions {
  order: ClaimedMessage;
  transport: AttemptTransport;
  /** The lease's length: heartbeats go every third of it, at most every 20 s. */
  leaseMs: number;
  /** Overrides that period. */
  heartbeatMs?: number;
  execute: AttemptExecute;
  onEvent?: (event: AttemptEvent) => void;
}

export class AttemptRunner {
  readonly applicationId: string;
  private token: string;
  /** The last step reported; null until the first, which always goes out (it marks the start). */
  private step: ApplyStep | null = null;
  private percent = 0;
  private message: string | undefined;
  private readonly abort = new AbortController();
  /** Progress calls waiting for the backend's lease reply. */
  private readonly waiting: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  private report: AttemptOutcome | null = null;
  /** Whether the report went out since the transport last (re)connected. */
  private reportSent = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private end: AttemptEnd | null = null;
  private onEnd: (end: AttemptEnd) => void = () => {};
  /** Resolves when the report is acknowledged or the attempt taken away. */
  readonly ended: Promise<AttemptEnd>;

  constructor(private readonly options: AttemptRunnerOptions) {
    this.applicationId = options.order.applicationId;
    this.token = options.order.leaseToken;
    this.ended = new Promise((resolve) => {
      this.onEnd = resolve;
    });
  }

  /** Starts heartbeats and `execute`; resolves once the attempt has ended and `execute` has returned. */
  start(): Promise<AttemptEnd> {
    const { heartbeatMs, leaseMs } = this.options;
    this.timer = setInterval(
      () => this.heartbeat(),
      heartbeatMs ?? Math.min(PING_INTERVAL_MS, Math.floor(leaseMs / 3)),
    );
    return Promise.all([this.execute(), this.ended]).then(([, end]) => end);
  }

  get leaseToken(): string {
    return this.token;
  }

  get progress(): { step: ApplyStep; percent: number } {
    return { step: this.step ?? 'open', percent: this.percent };
  }

  /** The result or hand-back not yet acknowledged, if any. */
  get outcome(): AttemptOutcome | null {
    return this.report;
  }

  /** A reply from the backend about this attempt. */
  receive(reply: AttemptReply): void {
    if (this.end) return;
    switch (reply.type) {
      case 'lease':
        this.token = reply.leaseToken;
        for (const w of this.waiting.splice(0)) w.resolve();
        // Renewed after a reconnect: the report the old connection took with it goes again.
        if (this.report && !this.reportSent) this.sendReport();
        return;
      case 'lost':
        this.takeAway(reply.message);
        return;
      case 'cancel':
        this.takeAway(reply.reason);
        return;
      case 'ack':
        this.finish({ type: 'acknowledged', status: reply.status });
        return;
    }
  }

  /** The transport lost its connection: what it carried may not have arrived. */
  disconnected(): void {
    this.reportSent = false;
  }

  /** Stops the attempt and hands it back (shutdown); nothing if it already reported. */
  handBack(reason: string): Promise<AttemptEnd> {
    if (!this.end && !this.report) {
      this.abort.abort(new AttemptTakenAway(reason));
      for (const w of this.waiting.splice(0)) w.reject(new AttemptTakenAway(reason));
      this.reportOnce({ release: reason });
    }
    return this.ended;
  }

  private async execute(): Promise<void> {
    const control: AttemptControl = {
      signal: this.abort.signal,
      progress: (step, percent, message) => this.onProgress(step, percent, message),
    };
    const outcome = await this.options.execute(this.options.order, control).catch(
      (err: unknown): AttemptOutcome => ({
        outcome: 'failed',
        errorClass: 'retryable',
        message: `The executor crashed: ${err instanceof Error ? err.message : String(err)}`,
        confirmation: null,
        unanswered: [],
        evidenceIds: [],
      }),
    );
    // Taken away (lost, cancelled) or already handed back: nothing (more) to report.
    if (!this.abort.signal.aborted) this.reportOnce(outcome);
  }

  private onProgress(step: ApplyStep, percent: number, message: string | undefined): Promise<void> {
    if (this.abort.signal.aborted) return Promise.reject(new AttemptTakenAway('This application was taken away.'));
    const changed = step !== this.step;
    this.step = step;
    this.percent = percent;
    // Clipped here, the one place heartbeats are made: a longer one would be refused.
    this.message = message?.slice(0, REPORT_LIMITS.progressMessage);
    this.options.onEvent?.({ type: 'progress', step, percent });
    const connected = this.options.transport.connected();
    // The same step again is no news: the next periodic heartbeat carries it, unless a reply is awaited.
    if (!changed && connected && this.waiting.length === 0) return Promise.resolve();
    const recorded = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (changed || !connected) this.heartbeat();
    return recorded;
  }

  private heartbeat(): void {
    if (this.report || this.end) return;
    this.options.transport.send({
      type: 'heartbeat',
      applicationId: this.applicationId,
      leaseToken: this.token,
      step: this.step ?? 'open',
      percent: this.percent,
      ...(this.message ? { message: this.message } : {}),
    });
  }

  private reportOnce(outcome: AttemptOutcome): void {
    if (this.report || this.end) return;
    this.stopHeartbeats();
    this.report = outcome;
    this.options.onEvent?.({ type: 'reported', outcome });
    this.sendReport();
  }

  private sendReport(): void {
    if (this.report) {
      this.reportSent = this.options.transport.send(outcomeMessage(this.applicationId, this.token, this.report));
    }
  }

  private takeAway(message: string): void {
    this.abort.abort(new AttemptTakenAway(message));
    for (const w of this.waiting.splice(0)) w.reject(new AttemptTakenAway(message));
    this.finish({ type: 'taken_away', message });
  }

  private finish(end: AttemptEnd): void {
    this.stopHeartbeats();
    this.end = end;
    this.options.onEvent?.({ type: 'ended', end });
    this.onEnd(end);
  }

  private stopHeartbeats(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
