// The device gateway: WebSocket `/v1/devices/connect`. A device says `hello` (token, capacity,
// what it still holds), gets `welcome`, its held leases back, its unclaimed backlog, then new work
// as it arrives. No Redis read blocks per device: the relay nudges this node through its channel
// when one of its users has new work, and the node reads for exactly those devices. While Redis
// is down, connected devices are offered QUEUED rows from Postgres on a timer instead, and for a
// while after it returns or lost its data (RECOVERY_POLL_MS): nudges published as it settles
// can be lost (subscriptions move between Cluster nodes, presence is not yet announced again).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Device } from '@jobswipe/db';
import { isHeld } from '@jobswipe/protocol';
import {
  type BackendMessage,
  CLOSE_CODES,
  ExecutorMessage,
  Hello,
  MAX_CONNECTED_DEVICES,
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
import { type GatewayMetrics, gatewayMetrics } from './gateway-metrics.ts';
import { keepAlive } from './keep-alive.ts';
import { OfferSource } from './offer-source.ts';
import { announce, nodeOf, PRESENCE_TTL_S, withdraw } from './presence.ts';

/** How long after Redis returned (or lost its data) connected devices are still offered work on the timer. */
export const RECOVERY_POLL_MS = 30_000;

export interface DeviceGatewayOptions {
  /** How often connected devices are offered work from Postgres while Redis is down. */
  degradedPollMs: number;
}

/** How a socket whose hello did not open a session is closed. */
function helloRefusal(err: unknown): [number, string] {
  if (err instanceof AppError && err.code === 'unauthenticated')
    return [CLOSE_CODES.unauthenticated, 'device token refused'];
  if (err instanceof AppError && err.code === 'rate_limited')
    return [CLOSE_CODES.tooManyDevices, 'too many devices connected'];
  return [1011, 'could not open the session; reconnect'];
}

export class DeviceGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  /** This node's device sessions, by user. */
  private readonly sessions = new Map<string, Set<DeviceSession>>();
  /** This node's one connection per device (a newer one replaces it). */
  private readonly connections = new Map<string, { session: DeviceSession; ws: WebSocket }>();
  private readonly metrics: GatewayMetrics;
  readonly offers: OfferSource;
  /** Devices seen since the last flush: their last-seen time is written in one batch, so a
   * wave of connections does not queue a write each on the database pool. */
  private readonly seen = new Set<string>();
  /** Long-poll requests waiting for a user's work on this node. */
  private readonly waiters = new Map<string, Set<() => void>>();
  private timers: NodeJS.Timeout[] = [];
  /** Until when the timer offers work although Redis answers: a while after it was last seen down or lost data. */
  private pollUntil = 0;
  private readonly unlisten = new Map<string, () => void>();

  constructor(
    private readonly ctx: AppContext,
    private readonly streams: WorkStreams,
    private readonly options: DeviceGatewayOptions,
  ) {
    this.offers = new OfferSource(ctx, streams);
    this.metrics = gatewayMetrics(ctx.metrics.registry);
  }

  async start(server: Server): Promise<void> {
    this.ctx.metrics.countDeviceSockets(() => this.wss.clients.size);
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== '/v1/devices/connect') return;
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
    await this.ctx.subscriber.subscribe(this.ctx.keys.nodeChannel(this.ctx.nodeId), (userId) => this.pumpUser(userId));
    await this.ctx.subscriber.subscribe(this.ctx.keys.nodeReplacedChannel(this.ctx.nodeId), (deviceId) =>
      this.replaced(deviceId),
    );
    // A starting node's subscriptions may not be in place yet (a Cluster settles its subscriber
    // connection after its first commands): nudges lost meanwhile are made up for on the timer,
    // as after an outage.
    this.pollUntil = Date.now() + RECOVERY_POLL_MS;
    const degraded = setInterval(() => {
      if (!isRedisReady(this.ctx.redis)) this.pollUntil = Date.now() + RECOVERY_POLL_MS;
      else if (Date.now() > this.pollUntil) return;
      for (const userId of new Set([...this.sessions.keys(), ...this.waiters.keys()])) this.pumpUser(userId);
    }, this.options.degradedPollMs);
    const presence = setInterval(() => void this.refreshPresence(), (PRESENCE_TTL_S * 1000) / 3);
    const expiry = setInterval(() => {
      for (const set of this.sessions.values()) for (const session of set) void session.expireOffers().catch(() => {});
    }, 5_000);
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

  /**
   * After Redis lost its data (or came back, perhaps empty): say again where this node's devices
   * are, so nudges reach it, and offer every session what is waiting, now and on the timer for
   * RECOVERY_POLL_MS.
   */
  async recover(): Promise<void> {
    // With no device here yet (a node starting), there is nothing to make up for.
    if (this.sessions.size > 0 || this.waiters.size > 0) this.pollUntil = Date.now() + RECOVERY_POLL_MS;
    await this.refreshPresence();
    for (const userId of new Set([...this.sessions.keys(), ...this.waiters.keys()])) this.pumpUser(userId);
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
    // Cleared only by a hello whose token was accepted: a socket that sent anything else is closed
    // when the time is up.
    const helloTimer = setTimeout(
      () => ws.close(CLOSE_CODES.helloTimeout, 'say hello first'),
      this.ctx.config.HELLO_TIMEOUT_MS,
    );
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
            session = await this.open(ws, Hello.parse(message), send, () => clearTimeout(helloTimer));
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
          const about = 'applicationId' in message ? { applicationId: message.applicationId } : {};
          if (err instanceof AppError) {
            send({ type: 'error', code: err.code, message: err.message, ref: message.type, ...about });
          } else {
            this.ctx.log.error({ err, type: message.type }, 'device message failed');
            send({
              type: 'error',
              code: 'internal',
              message: 'The server could not handle that message; try again.',
              ref: message.type,
              ...about,
            });
          }
          // A hello that did not open a session leaves nothing half open.
          if (message.type === 'hello' && !session) ws.close(...helloRefusal(err));
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

  private async open(
    ws: WebSocket,
    hello: ReturnType<typeof Hello.parse>,
    send: (m: BackendMessage) => void,
    authenticated: () => void,
  ) {
    const device = await authenticateDevice(this.ctx, hello.token);
    authenticated();
    const previous = this.connections.get(device.id);
    const others = [...(this.sessions.get(device.userId) ?? [])].filter((s) => s.device.id !== device.id);
    if (others.length >= MAX_CONNECTED_DEVICES) {
      throw new AppError(
        'rate_limited',
        `${MAX_CONNECTED_DEVICES} of your devices are connected already: disconnect one, or revoke devices you no longer use.`,
      );
    }
    const session = this.session(device, send, () => ws.close(CLOSE_CODES.unauthenticated, 'device revoked'));
    session.capacity = hello.capacity;
    // One connection per device: from here on this one is the device's; the one before it (here
    // or on another node) is closed.
    this.connections.set(device.id, { session, ws });
    previous?.ws.close(CLOSE_CODES.replaced, 'replaced by a newer connection of this device');
    const elsewhere = await nodeOf(this.ctx, device.userId, device.id);
    if (elsewhere && elsewhere !== this.ctx.nodeId) {
      await this.ctx.redis.publish(this.ctx.keys.nodeReplacedChannel(elsewhere), device.id);
    }
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
    this.metrics.connected.inc();
    this.watchUser(device.userId);
    await announce(this.ctx, device.userId, device.id);
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

  /** The device connected to another node: its connection here, if any, is closed. */
  private replaced(deviceId: string): void {
    this.connections.get(deviceId)?.ws.close(CLOSE_CODES.replaced, 'replaced by a newer connection of this device');
  }

  /** Work for this connection alone: its offers go back (which nudges whoever may take them). */
  private async close(session: DeviceSession): Promise<void> {
    session.close();
    const { userId, id } = session.device;
    const set = this.sessions.get(userId);
    if (set?.delete(session)) this.metrics.connected.dec();
    if (set && set.size === 0) {
      this.sessions.delete(userId);
      this.unlisten.get(userId)?.();
      this.unlisten.delete(userId);
    }
    const current = this.connections.get(id)?.session === session;
    if (current) this.connections.delete(id);
    try {
      await session.handBackOffers();
      this.seen.add(id);
      // A replaced connection's device is still online, through the connection that replaced it.
      if (current) {
        await withdraw(this.ctx, userId, id);
        await this.ctx.events.publish(userId, {
          type: 'device',
          deviceId: id,
          online: false,
          at: new Date().toISOString(),
        });
      }
    } catch (err) {
      this.ctx.log.warn({ err, deviceId: id }, 'cleaning up after a device failed');
    }
    this.ctx.log.info({ deviceId: id, userId }, 'device disconnected');
  }

  /**
   * Watches the user's events: an application leaving a held status while one of their devices
   * here holds it stops that device (once Postgres confirms it); a revoked device is disconnected.
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
      if (isHeld(status)) return;
      for (const session of this.sessions.get(userId) ?? []) {
        session.recheck(id).catch((err) => this.ctx.log.warn({ err, applicationId: id }, 'checking a lease failed'));
      }
    };
    this.unlisten.set(userId, this.ctx.events.listen(userId, onEvent));
  }

  /** A session for one long-poll request: the same conversation, its replies collected. */
  session(device: Device, send: (m: BackendMessage) => void, disconnect: () => void = () => {}): DeviceSession {
    return new DeviceSession(this.ctx, device, this.offers, this.streams, send, disconnect, this.metrics.pumps);
  }

  async setPresence(userId: string, deviceId: string, online: boolean): Promise<void> {
    await (online ? announce : withdraw)(this.ctx, userId, deviceId);
  }

  private async refreshPresence(): Promise<void> {
    for (const [userId, set] of this.sessions) {
      for (const session of set) await announce(this.ctx, userId, session.device.id).catch(() => {});
    }
  }
}
