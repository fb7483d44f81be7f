// The device gateway: WebSocket `/v1/devices/connect`. A device says `hello` (token, capacity,
// what it still holds), gets `welcome`, its held leases back, its unclaimed backlog, then new work
// as it arrives. No Redis read blocks per device: the relay nudges this node through its channel
// when one of its users has new work, and the node reads for exactly those devices. While Redis
// is down, connected devices are offered QUEUED rows from Postgres on a timer instead.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Device } from '@jobswipe/db';
import {
  type BackendMessage,
  ExecutorMessage,
  Hello,
  MAX_FRAME_BYTES,
  PING_INTERVAL_MS,
} from '@jobswipe/protocol/device';
import type { EventsServerMessage } from '@jobswipe/protocol/events';
import { type WebSocket, WebSocketServer } from 'ws';
import type { AppContext } from '../context.ts';
import type { WorkStreams } from '../delivery/work-streams.ts';
import { authenticateDevice } from '../devices/device-auth.ts';
import { AppError } from '../http/errors.ts';
import { isRedisReady } from '../redis/connection.ts';
import { DeviceSession } from './device-session.ts';
import { parseFrame } from './frames.ts';
import { keepAlive } from './keep-alive.ts';
import { OfferSource } from './offer-source.ts';

const HELLO_TIMEOUT_MS = 10_000;
const PRESENCE_TTL_S = 180;

export interface DeviceGatewayOptions {
  /** How often connected devices are offered work from Postgres while Redis is down. */
  degradedPollMs: number;
}

export class DeviceGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  /** This node's device sessions, by user. */
  private readonly sessions = new Map<string, Set<DeviceSession>>();
  readonly offers: OfferSource;
  /** Devices seen since the last flush: their last-seen time is written in one batch, so a
   * wave of connections does not queue a write each on the database pool. */
  private readonly seen = new Set<string>();
  /** Long-poll requests waiting for a user's work on this node. */
  private readonly waiters = new Map<string, Set<() => void>>();
  private timers: NodeJS.Timeout[] = [];
  private readonly unlisten = new Map<string, () => void>();

  constructor(
    private readonly ctx: AppContext,
    private readonly streams: WorkStreams,
    private readonly options: DeviceGatewayOptions,
  ) {
    this.offers = new OfferSource(ctx, streams);
  }

  async start(server: Server): Promise<void> {
    this.ctx.metrics.countDeviceSockets(() => this.wss.clients.size);
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== '/v1/devices/connect') return;
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
    await this.ctx.subscriber.subscribe(this.ctx.keys.nodeChannel(this.ctx.nodeId), (userId) => this.pumpUser(userId));
    const degraded = setInterval(() => {
      if (isRedisReady(this.ctx.redis)) return;
      for (const userId of new Set([...this.sessions.keys(), ...this.waiters.keys()])) this.pumpUser(userId);
    }, this.options.degradedPollMs);
    const presence = setInterval(() => void this.refreshPresence(), (PRESENCE_TTL_S * 1000) / 3);
    const expiry = setInterval(() => {
      for (const set of this.sessions.values()) for (const session of set) void session.expireOffers().catch(() => {});
    }, 5_000);
    // Redis back (perhaps empty): say again where our devices are, and offer what is waiting.
    this.ctx.redis?.on('ready', () => {
      void this.refreshPresence().then(() => {
        for (const userId of this.sessions.keys()) this.pumpUser(userId);
      });
    });
    const lastSeen = setInterval(() => void this.flushSeen(), 5_000);
    this.timers = [degraded, presence, expiry, lastSeen];
    for (const t of this.timers) t.unref();
  }

  /** Set by `stop`: long-polls answer at once, and no wait for work starts. */
  stopping = false;

  async stop(): Promise<void> {
    this.stopping = true;
    for (const waiters of this.waiters.values()) for (const wake of [...waiters]) wake();
    for (const t of this.timers) clearInterval(t);
    await this.flushSeen();
    for (const ws of this.wss.clients) ws.close(1001, 'server shutting down');
    this.wss.close();
  }

  /** Devices of this user connected to this node (tests and the online view). */
  connected(userId: string): DeviceSession[] {
    return [...(this.sessions.get(userId) ?? [])];
  }

  /** Records that a device talked to us (connection, long-poll). */
  markSeen(deviceId: string): void {
    this.seen.add(deviceId);
  }

  private async flushSeen(): Promise<void> {
    if (this.seen.size === 0) return;
    const ids = [...this.seen];
    this.seen.clear();
    await this.ctx.db.prisma.device
      .updateMany({ where: { id: { in: ids } }, data: { lastSeenAt: new Date() } })
      .catch((err) => this.ctx.log.warn({ err }, 'recording when devices were last seen failed'));
  }

  /** Resolves when this node hears of new work for the user, or after `ms`. */
  waitForWork(userId: string, ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(userId) ?? new Set();
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(userId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
      this.waiters.set(userId, set);
    });
  }

  /** Offers new work to every device of this user on this node, and wakes its long-polls. */
  pumpUser(userId: string): void {
    for (const wake of this.waiters.get(userId) ?? []) wake();
    const set = this.sessions.get(userId);
    if (!set) return;
    // Round-robin: the device asked first this time is asked last next time, so devices share work.
    const [first] = set;
    if (first && set.size > 1) {
      set.delete(first);
      set.add(first);
    }
    for (const session of set) {
      session.pump().catch((err) => this.ctx.log.warn({ err, deviceId: session.device.id }, 'offering work failed'));
    }
  }

  private accept(ws: WebSocket): void {
    let session: DeviceSession | null = null;
    let queue = Promise.resolve();
    const send = (message: BackendMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const helloTimer = setTimeout(() => ws.close(4001, 'say hello first'), HELLO_TIMEOUT_MS);
    const liveness = keepAlive(ws, () => send({ type: 'ping', at: Date.now() }));

    ws.on('message', (data, isBinary) => {
      liveness.heard();
      // One message at a time per device, in order: a claim's reply must precede the next heartbeat's.
      queue = queue.then(async () => {
        const frame = parseFrame(ExecutorMessage, data, isBinary);
        if (!frame.ok) return send({ type: 'error', code: frame.code, message: frame.message });
        const message = frame.value;
        try {
          if (!session) {
            if (message.type !== 'hello') {
              return send({
                type: 'error',
                code: 'unauthenticated',
                message: 'Say hello (with your device token) first.',
                ref: message.type,
              });
            }
            clearTimeout(helloTimer);
            session = await this.open(ws, Hello.parse(message), send);
            return;
          }
          if (message.type === 'hello') {
            return send({
              type: 'error',
              code: 'conflict',
              message: 'Already said hello on this connection.',
              ref: 'hello',
            });
          }
          await session.handle(message);
          if (['result', 'release', 'capacity', 'claim'].includes(message.type)) await session.pump();
        } catch (err) {
          if (err instanceof AppError) {
            send({ type: 'error', code: err.code, message: err.message, ref: message.type });
            if (err.code === 'unauthenticated') ws.close(4003, 'device token refused');
            return;
          }
          this.ctx.log.error({ err, type: message.type }, 'device message failed');
          send({
            type: 'error',
            code: 'internal',
            message: 'The server could not handle that message; try again.',
            ref: message.type,
          });
        }
      });
    });

    ws.on('close', () => {
      clearTimeout(helloTimer);
      liveness.stop();
      void queue.then(() => (session ? this.close(session) : undefined));
    });
    ws.on('error', () => ws.terminate());
  }

  private async open(ws: WebSocket, hello: ReturnType<typeof Hello.parse>, send: (m: BackendMessage) => void) {
    const device = await authenticateDevice(this.ctx, hello.token);
    const session = this.session(device, send, () => ws.close(4003, 'device revoked'));
    session.capacity = hello.capacity;
    if (device.version !== hello.version) {
      await this.ctx.db.prisma.device.update({ where: { id: device.id }, data: { version: hello.version } });
    }
    this.seen.add(device.id);
    send({
      type: 'welcome',
      deviceId: device.id,
      serverTime: new Date().toISOString(),
      pingIntervalMs: PING_INTERVAL_MS,
      leaseMs: this.ctx.config.DEVICE_LEASE_MS,
    });
    await session.resume(hello.held);
    const set = this.sessions.get(device.userId) ?? new Set();
    set.add(session);
    this.sessions.set(device.userId, set);
    this.watchUser(device.userId);
    await this.setPresence(device.userId, device.id, true);
    await this.ctx.events.publish(device.userId, {
      type: 'device',
      deviceId: device.id,
      online: true,
      at: new Date().toISOString(),
    });
    this.ctx.log.info({ deviceId: device.id, userId: device.userId, capacity: hello.capacity }, 'device connected');
    if (ws.readyState === ws.OPEN) await session.pump();
    return session;
  }

  private async close(session: DeviceSession): Promise<void> {
    const { userId, id } = session.device;
    const set = this.sessions.get(userId);
    set?.delete(session);
    if (set && set.size === 0) {
      this.sessions.delete(userId);
      this.unlisten.get(userId)?.();
      this.unlisten.delete(userId);
    }
    try {
      await session.handBackOffers();
      await this.setPresence(userId, id, false);
      this.seen.add(id);
      await this.ctx.events.publish(userId, {
        type: 'device',
        deviceId: id,
        online: false,
        at: new Date().toISOString(),
      });
      // The offers it gave back may go to the user's other devices on this node.
      this.pumpUser(userId);
    } catch (err) {
      this.ctx.log.warn({ err, deviceId: id }, 'cleaning up after a device failed');
    }
    this.ctx.log.info({ deviceId: id, userId }, 'device disconnected');
  }

  /**
   * Watches the user's events: an application leaving a held status while one of their devices
   * here holds it stops that device; a revoked device is disconnected.
   */
  private watchUser(userId: string): void {
    if (this.unlisten.has(userId)) return;
    const onEvent = (event: EventsServerMessage) => {
      if (event.type === 'device' && event.revoked) {
        for (const session of this.sessions.get(userId) ?? [])
          if (session.device.id === event.deviceId) session.disconnect();
        return;
      }
      if (event.type !== 'application' || event.kind !== 'status') return;
      const { id, status } = event.application;
      if (status === 'CLAIMED' || status === 'RUNNING') return;
      for (const session of this.sessions.get(userId) ?? []) {
        if (!session.held.has(id)) continue;
        const cancelled = status === 'CANCELLED';
        void session.lose(id, cancelled ? 'Cancelled by the user.' : `The application is now ${status}.`, cancelled);
      }
    };
    this.unlisten.set(userId, this.ctx.events.listen(userId, onEvent));
  }

  /** A session for one long-poll request: the same conversation, its replies collected. */
  session(device: Device, send: (m: BackendMessage) => void, disconnect: () => void = () => {}): DeviceSession {
    return new DeviceSession(this.ctx, device, this.offers, this.streams, send, disconnect);
  }

  async setPresence(userId: string, deviceId: string, online: boolean): Promise<void> {
    if (!isRedisReady(this.ctx.redis)) return;
    const key = this.ctx.keys.presence(userId);
    if (online) await this.ctx.redis.multi().hset(key, deviceId, this.ctx.nodeId).expire(key, PRESENCE_TTL_S).exec();
    else await this.ctx.redis.hdel(key, deviceId);
  }

  private async refreshPresence(): Promise<void> {
    for (const [userId, set] of this.sessions) {
      for (const session of set) await this.setPresence(userId, session.device.id, true).catch(() => {});
    }
  }
}
