// The desktop agent: this machine as one of the user's executors. It holds the control socket
// (one agent per agent dir), connects with the protocol's ExecutorClient, runs each claimed
// application in the agent's browser, and keeps its leases in a file so that after a crash it
// tells the backend what it held. Everything it does is logged and kept on its status board.

import { rm } from 'node:fs/promises';
import {
  type ClientEvent,
  ExecutorClient,
  type StoredLease,
  type WebSocketLike,
} from '@jobswipe/protocol/executor-client';
import { WebSocket } from 'ws';
import { AgentBrowser, type BrowserChoice } from './agent-browser.ts';
import type { AgentPaths } from './agent-dir.ts';
import { AgentStatusBoard } from './agent-status.ts';
import { applicationRunner } from './application-runner.ts';
import { Capacity, type CapacityState } from './capacity.ts';
import { type ControlServer, listenForControl } from './control-socket.ts';
import { FileLeaseStore } from './lease-store.ts';
import type { ThumbnailSink } from './live-thumbnail.ts';
import type { Logger } from './log.ts';
import type { QuietHours } from './quiet-hours.ts';
import type { DeviceCredentials } from './token-store.ts';

export interface AgentOptions {
  paths: AgentPaths;
  credentials: DeviceCredentials;
  version: string;
  capacity: number;
  quietHours: QuietHours | null;
  browser: BrowserChoice;
  log: Logger;
  /** Called after every change of the status board (the terminal view redraws). */
  onStatus?: () => void;
  /** A live thumbnail of each running application's page, for a window that shows it. */
  thumbnails?: ThumbnailSink;
}

/** How long a shutdown waits for applications to wind down after the browser closed. */
const WIND_DOWN_MS = 5_000;

function deviceSocketUrl(server: string): string {
  return `${server.replace(/^http/, 'ws')}/v1/devices/connect`;
}

function socketError(err: Error): string {
  return (err as NodeJS.ErrnoException).code ?? err.message;
}

export class Agent {
  readonly board: AgentStatusBoard;
  /** Resolves with the reason when the agent cannot go on (the device token was refused). */
  readonly fatal: Promise<string>;
  private readonly client: ExecutorClient;
  private readonly capacity: Capacity;
  private readonly browser: AgentBrowser;
  private readonly running = new Set<Promise<unknown>>();
  private everConnected = false;
  private lastSocketError: string | null = null;
  private onFatal: (reason: string) => void = () => {};

  private constructor(
    private readonly options: AgentOptions,
    private readonly control: ControlServer,
    private readonly leases: FileLeaseStore,
    held: StoredLease[],
  ) {
    const { log } = options;
    this.fatal = new Promise((resolve) => {
      this.onFatal = resolve;
    });
    this.capacity = new Capacity(options.capacity, options.quietHours);
    this.browser = new AgentBrowser(options.browser, options.paths.browserProfile);
    this.board = new AgentStatusBoard(
      {
        server: options.credentials.server,
        device: options.credentials.name,
        browser: `${options.browser.browser}${options.browser.headless ? ' (headless)' : ''}`,
      },
      this.capacity.state,
    );
    const execute = applicationRunner({
      credentials: options.credentials,
      workDir: options.paths.work,
      browser: this.browser,
      leases: this.leases,
      log,
      thumbnails: options.thumbnails,
    });
    this.client = new ExecutorClient({
      url: deviceSocketUrl(options.credentials.server),
      token: options.credentials.token,
      kind: 'desktop',
      version: options.version,
      capacity: this.capacity.state.capacity,
      connect: (url) => this.connect(url),
      execute: (order, control) => {
        const run = execute(order, control);
        this.running.add(run);
        void run.finally(() => this.running.delete(run)).catch(() => {});
        return run;
      },
      // Loaded once by start(), which says what was held.
      store: { load: async () => held, save: (leases) => this.leases.save(leases) },
      onEvent: (event) => this.onEvent(event),
    });
    this.capacity.onChange((state) => this.onCapacity(state));
  }

  /** Takes the agent dir (refused if another agent runs on it) and connects. */
  static async start(options: AgentOptions): Promise<Agent> {
    let agent: Agent | null = null;
    const control = await listenForControl(options.paths.controlSocket, (command) => {
      if (command === 'pause') agent?.pause();
      if (command === 'resume') agent?.resume();
      return { ...agent?.board.snapshot };
    });
    try {
      const { log, paths } = options;
      const leases = new FileLeaseStore(paths.leases, (err) =>
        log.error('could not save the held leases', { file: paths.leases, error: err.message }),
      );
      const held = await leases.load();
      // Folders a crashed run left behind: nothing runs yet, and this agent owns the dir.
      await rm(paths.work, { recursive: true, force: true });
      agent = new Agent(options, control, leases, held);
      agent.announce(held);
      await agent.client.start();
      return agent;
    } catch (err) {
      await control.close();
      throw err;
    }
  }

  private announce(held: StoredLease[]): void {
    const { log, credentials, browser, quietHours } = this.options;
    log.info('agent starting', {
      pid: process.pid,
      server: credentials.server,
      deviceId: credentials.deviceId,
      device: credentials.name,
      capacity: this.capacity.state,
      quietHours: quietHours?.text ?? null,
      browser: browser.browser,
      headless: browser.headless,
      agentDir: this.options.paths.dir,
    });
    if (held.length) {
      log.info('holding applications from before a restart: each is handed back, or its stored result reported', {
        held: held.map((l) => ({ applicationId: l.applicationId, hasResult: Boolean(l.result) })),
      });
    }
  }

  /** No new applications (capacity 0) until `resume`; running ones finish. */
  pause(): void {
    this.capacity.pause();
  }

  resume(): void {
    this.capacity.resume();
  }

  /** Stops taking work, hands back what it holds, closes the browser. */
  async stop(): Promise<void> {
    this.board.stopping();
    this.options.onStatus?.();
    this.capacity.stop();
    await this.client.stop({ handBack: true });
    await this.leases.settled();
    await this.browser.close();
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise((resolve) => setTimeout(resolve, WIND_DOWN_MS).unref()),
    ]);
    await this.control.close();
    this.options.log.info('agent stopped');
  }

  private connect(url: string): WebSocketLike {
    const ws = new WebSocket(url);
    ws.on('error', (err) => {
      this.lastSocketError = socketError(err);
    });
    return ws as unknown as WebSocketLike;
  }

  private onCapacity(state: CapacityState): void {
    this.client.setCapacity(state.capacity);
    this.board.capacityChanged(state);
    const why = state.paused ? 'paused' : state.quiet ? `quiet hours (${state.quietHours})` : 'taking work';
    this.options.log.info(`capacity ${state.capacity}: ${why}`, { capacity: state });
    this.options.onStatus?.();
  }

  private onEvent(event: ClientEvent): void {
    const { log } = this.options;
    switch (event.type) {
      case 'connected':
        this.everConnected = true;
        this.lastSocketError = null;
        this.board.connected();
        log.info('connected', { deviceId: event.deviceId });
        break;
      case 'disconnected': {
        const error = this.lastSocketError;
        this.board.disconnected(event.retryInMs, error);
        const msg = this.everConnected
          ? 'connection to the server lost; reconnecting'
          : 'cannot reach the server; retrying';
        log.warn(msg, { server: this.options.credentials.server, retryInMs: event.retryInMs, error });
        break;
      }
      case 'offer':
        this.board.offered();
        break;
      case 'claimed': {
        const app = this.board.started(event.order);
        log.info('application claimed', {
          applicationId: app.applicationId,
          correlationId: app.correlationId,
          company: app.company,
          title: app.title,
          attempt: app.attempt,
          verifyFirst: app.verifyFirst,
        });
        break;
      }
      case 'progress': {
        this.board.progressed(event.applicationId, event.step, event.percent);
        // Detail: the terminal view shows it as the bar, not as a message.
        log.debug('progress', {
          applicationId: event.applicationId,
          correlationId: this.board.find(event.applicationId)?.correlationId,
          step: event.step,
          percent: event.percent,
        });
        break;
      }
      case 'finished': {
        const correlationId = this.board.find(event.applicationId)?.correlationId;
        this.board.ended(event.applicationId, event.status);
        log.info('application finished', { applicationId: event.applicationId, correlationId, status: event.status });
        break;
      }
      case 'lost': {
        const correlationId = this.board.find(event.applicationId)?.correlationId;
        this.board.ended(event.applicationId, 'TAKEN_AWAY');
        log.warn('application taken away', {
          applicationId: event.applicationId,
          correlationId,
          reason: event.message,
        });
        break;
      }
      case 'error':
        log.warn('the server refused a message', { code: event.code, error: event.message });
        break;
      case 'fatal':
        log.error('the server refused this device', { error: event.message });
        this.onFatal(event.message);
        break;
    }
    this.options.onStatus?.();
  }
}
