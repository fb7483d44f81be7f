// Devices for tests: paired through the real API, connected over a real WebSocket, either with the
// protocol's ExecutorClient (behaviour) or raw frames (protocol details and abuse).
import type { PairCompleteResponse, PairStartResponse } from '@jobswipe/protocol';
import type { AttemptExecute, AttemptOutcome } from '@jobswipe/protocol/attempt-runner';
import type { BackendMessage, ExecutorMessage } from '@jobswipe/protocol/device';
import { ExecutorClient, type ExecutorClientOptions } from '@jobswipe/protocol/executor-client';
import { WebSocket } from 'ws';
import type { Api } from './api.ts';

export async function pairDevice(user: Api, kind: 'desktop' | 'extension' = 'desktop', name = 'Test laptop') {
  const start = await user.post<PairStartResponse>('/v1/devices/pair/start');
  const done = await user
    .as(undefined)
    .post<PairCompleteResponse>('/v1/devices/pair/complete', { code: start.body.code, kind, name });
  if (done.status !== 200 && done.status !== 201) throw new Error(`pairing failed: ${JSON.stringify(done.body)}`);
  return { deviceId: done.body.deviceId, token: done.body.deviceToken };
}

export function wsUrl(httpUrl: string, path: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}${path}`;
}

export const submitted: AttemptOutcome = {
  outcome: 'submitted',
  errorClass: null,
  message: null,
  confirmation: 'Thanks for applying!',
  unanswered: [],
  evidenceIds: [],
};

/** An ExecutorClient over `ws`, recording every application it was given. */
export function startDevice(
  backendUrl: string,
  token: string,
  execute: AttemptExecute = async () => submitted,
  options: Partial<ExecutorClientOptions> = {},
) {
  const claimed: string[] = [];
  const client = new ExecutorClient({
    url: wsUrl(backendUrl, '/v1/devices/connect'),
    token,
    kind: 'desktop',
    version: 'test',
    capacity: 1,
    connect: (url) => new WebSocket(url) as unknown as ReturnType<ExecutorClientOptions['connect']>,
    execute: (order, control) => {
      claimed.push(order.applicationId);
      return execute(order, control);
    },
    backoff: { baseMs: 50, maxMs: 500 },
    ...options,
  });
  void client.start();
  return { client, claimed };
}

/** A WebSocket that speaks raw frames and lets a test wait for the next message of a type. */
export class RawDevice {
  readonly received: BackendMessage[] = [];
  private waiters: Array<() => void> = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as BackendMessage);
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async connect(backendUrl: string): Promise<RawDevice> {
    const ws = new WebSocket(wsUrl(backendUrl, '/v1/devices/connect'));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawDevice(ws);
  }

  /** Connects and says hello with `token`; resolves once welcomed. */
  static async hello(
    backendUrl: string,
    token: string,
    options: { capacity?: number; held?: { applicationId: string; leaseToken: string }[] } = {},
  ): Promise<RawDevice> {
    const device = await RawDevice.connect(backendUrl);
    device.send({
      type: 'hello',
      token,
      kind: 'desktop',
      version: 't',
      capacity: options.capacity ?? 1,
      held: options.held ?? [],
    });
    await device.next('welcome');
    return device;
  }

  send(message: ExecutorMessage | Record<string, unknown> | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message of this type not yet taken (waits for it). */
  async next<T extends BackendMessage['type']>(
    type: T,
    timeoutMs = 10_000,
  ): Promise<Extract<BackendMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((m) => m.type === type);
      if (index >= 0) return this.received.splice(index, 1)[0] as Extract<BackendMessage, { type: T }>;
      if (this.closed)
        throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting for ${type}`);
      if (Date.now() > deadline)
        throw new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}
