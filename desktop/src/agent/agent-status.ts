// What the agent is doing, as one snapshot: the connection, the capacity the backend is told,
// the applications running here with their step, and the last ones that ended. The terminal view
// draws it and `npm run agent -- status` prints it.
import type { ApplyStep } from '@jobswipe/protocol';
import type { ClaimedMessage } from '@jobswipe/protocol/device';
import type { CapacityState } from './capacity.ts';

export interface RunningApplication {
  applicationId: string;
  correlationId: string;
  company: string;
  title: string;
  attempt: number;
  verifyFirst: boolean;
  step: ApplyStep;
  percent: number;
  startedAt: string;
}

export interface EndedApplication {
  applicationId: string;
  company: string;
  title: string;
  /** The application's status after this device was done with it (QUEUED when handed back). */
  status: string;
  /** When this device started it (null: held before a restart), for the measured pace. */
  startedAt: string | null;
  at: string;
}

export interface AgentStatus {
  server: string;
  device: string;
  browser: string;
  connection: 'connecting' | 'connected' | 'reconnecting' | 'stopping';
  /** Why the last connection attempt failed, while reconnecting. */
  connectionError: string | null;
  retryInMs: number | null;
  capacity: CapacityState;
  offers: number;
  claimed: number;
  running: RunningApplication[];
  recent: EndedApplication[];
}

const RECENT = 5;

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback;
}

/** The job's company and title, from the snapshot in the work order. */
export function jobOf(order: ClaimedMessage): { company: string; title: string } {
  return { company: text(order.job.company, 'Unknown company'), title: text(order.job.title, 'Untitled job') };
}

export class AgentStatusBoard {
  private readonly running = new Map<string, RunningApplication>();
  private readonly recent: EndedApplication[] = [];
  private offers = 0;
  private claimed = 0;
  private connection: AgentStatus['connection'] = 'connecting';
  private connectionError: string | null = null;
  private retryInMs: number | null = null;

  constructor(
    private readonly identity: { server: string; device: string; browser: string },
    private capacity: CapacityState,
  ) {}

  get snapshot(): AgentStatus {
    return {
      ...this.identity,
      connection: this.connection,
      connectionError: this.connectionError,
      retryInMs: this.retryInMs,
      capacity: this.capacity,
      offers: this.offers,
      claimed: this.claimed,
      running: [...this.running.values()],
      recent: [...this.recent],
    };
  }

  find(applicationId: string): RunningApplication | undefined {
    return this.running.get(applicationId);
  }

  connected(): void {
    this.connection = 'connected';
    this.connectionError = null;
    this.retryInMs = null;
  }

  disconnected(retryInMs: number, error: string | null): void {
    this.connection = 'reconnecting';
    this.retryInMs = retryInMs;
    this.connectionError = error;
  }

  stopping(): void {
    this.connection = 'stopping';
  }

  offered(): void {
    this.offers += 1;
  }

  capacityChanged(capacity: CapacityState): void {
    this.capacity = capacity;
  }

  started(order: ClaimedMessage): RunningApplication {
    this.claimed += 1;
    const running: RunningApplication = {
      applicationId: order.applicationId,
      correlationId: order.correlationId,
      ...jobOf(order),
      attempt: order.attempt,
      verifyFirst: order.verifyFirst,
      step: 'open',
      percent: 0,
      startedAt: new Date().toISOString(),
    };
    this.running.set(order.applicationId, running);
    return running;
  }

  progressed(applicationId: string, step: ApplyStep, percent: number): void {
    const running = this.running.get(applicationId);
    if (running) Object.assign(running, { step, percent });
  }

  ended(applicationId: string, status: string): void {
    const running = this.running.get(applicationId);
    this.running.delete(applicationId);
    this.recent.unshift({
      applicationId,
      company: running?.company ?? '',
      title: running?.title ?? 'An application held before the restart',
      status,
      startedAt: running?.startedAt ?? null,
      at: new Date().toISOString(),
    });
    this.recent.splice(RECENT);
  }
}
