// The live events socket (/v1/events): signs in with the access token as its first message,
// parses every server message with the protocol's schema, pings every 20 s, and reconnects with
// backoff. Events are live updates, not a replay log, so after every (re)connection listeners
// are told to refetch what they show.
import { type EventsClientMessage, EventsServerMessage } from '@jobswipe/protocol/events';
import { retryDelay } from '../api/retry-delay.ts';

export type ServerMessage = EventsServerMessage;

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface EventsClientOptions {
  /** A current access token (renewed by the session when needed). */
  token: () => Promise<string | null>;
  url?: string;
  pingEveryMs?: number;
  retryDelays?: readonly number[];
}

/** A live socket comes back sooner than a request is retried. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 20_000];

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/v1/events`;
}

export class EventsClient {
  private socket: WebSocket | null = null;
  private status: LiveStatus = 'connecting';
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();
  private readonly readyListeners = new Set<() => void>();
  private readonly statusListeners = new Set<() => void>();
  private readonly onOnline = () => this.reconnectNow();

  constructor(private readonly options: EventsClientOptions) {}

  get liveStatus(): LiveStatus {
    return this.status;
  }

  start(): void {
    this.closed = false;
    window.addEventListener('online', this.onOnline);
    void this.connect();
  }

  stop(): void {
    this.closed = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000, 'page closed');
    this.socket = null;
  }

  /** Every application and device event. */
  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** After each (re)connection: refetch the visible lists, events missed meanwhile are not replayed. */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    this.setStatus('connecting');
    let token: string | null;
    try {
      token = await this.options.token();
    } catch {
      token = null;
    }
    if (this.closed) return;
    if (!token) return this.retry();
    const socket = new WebSocket(this.options.url ?? defaultUrl());
    this.socket = socket;
    socket.onopen = () => this.send({ type: 'auth', token });
    socket.onmessage = (e) => this.receive(e.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      clearInterval(this.pingTimer);
      this.socket = null;
      this.retry();
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let parsed: ServerMessage;
    try {
      parsed = EventsServerMessage.parse(JSON.parse(data));
    } catch {
      // A message this version does not know: newer servers may add kinds.
      return;
    }
    if (parsed.type === 'ready') {
      this.failures = 0;
      this.setStatus('live');
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(
        () => this.send({ type: 'ping', at: Date.now() }),
        this.options.pingEveryMs ?? 20_000,
      );
      for (const listener of this.readyListeners) listener();
      return;
    }
    if (parsed.type === 'error') {
      // The server closes after an auth error; the next connection fetches a renewed token.
      return;
    }
    for (const listener of this.messageListeners) listener(parsed);
  }

  private send(message: EventsClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private retry(): void {
    if (this.closed) return;
    this.setStatus('offline');
    const base = retryDelay(this.failures, this.options.retryDelays ?? RETRY_DELAYS_MS);
    this.failures += 1;
    clearTimeout(this.retryTimer);
    // Jitter spreads the reconnections of many pages after a server restart.
    this.retryTimer = setTimeout(() => void this.connect(), base * (0.75 + Math.random() * 0.5));
  }

  private reconnectNow(): void {
    if (this.socket || this.closed) return;
    this.failures = 0;
    clearTimeout(this.retryTimer);
    void this.connect();
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }
}
