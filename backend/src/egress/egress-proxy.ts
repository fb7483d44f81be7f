// The server worker's browser reaches the web only through this proxy on loopback, so every
// request it makes (the posting, each redirect hop, subresources, frames, WebSockets, service
// workers) passes the address check: Playwright's request routing never sees redirect hops, and
// Chromium resolving names itself would leave room for a name to change between check and use.
// Here the host is resolved and checked once, and the connection goes to exactly the checked
// address, directly or through the attempt's upstream proxy (which is handed that address, never
// a name to resolve on its own).
//
// Each attempt gets its own credentials (its browser context signs in with them), naming its
// upstream proxy and collecting what was refused, so the worker can say why an attempt failed.
// A refused or failed plain-HTTP request loses its connection (Chromium: ERR_EMPTY_RESPONSE) and
// a refused or failed tunnel is answered 403/502 (ERR_TUNNEL_CONNECTION_FAILED), so a navigation
// fails at once instead of showing an error page that looks like a posting.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { ProxySettings } from '@jobswipe/automations/runner/browser';
import { SocksClient } from 'socks';
import type { Logger } from '../logger.ts';
import { type AddressCheck, EgressRefused, type ResolvedAddress } from './address-check.ts';

/** One attempt's way out: the settings its browser context uses, and what was refused so far. */
export interface EgressSession {
  settings: ProxySettings;
  readonly refused: EgressRefused[];
  close(): void;
}

interface Session {
  secret: Buffer;
  upstream: ProxySettings | null;
  refused: EgressRefused[];
}

const HOP_HEADERS = new Set([
  'proxy-authorization',
  'proxy-connection',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const CONNECT_TIMEOUT_MS = 15_000;

export class EgressProxy {
  private readonly sessions = new Map<string, Session>();

  private constructor(
    private readonly server: Server,
    private readonly check: AddressCheck,
    private readonly log: Logger,
    readonly url: string,
  ) {}

  static async start(check: AddressCheck, log: Logger): Promise<EgressProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the egress proxy has no port');
    const proxy = new EgressProxy(server, check, log, `http://127.0.0.1:${address.port}`);
    server.on('request', (req, res) => void proxy.forward(req, res));
    server.on('connect', (req, socket: Duplex, head) => void proxy.tunnel(req, socket, head));
    return proxy;
  }

  /** A way out for one attempt, through `upstream` (the attempt's proxy) or directly. */
  open(upstream: ProxySettings | null): EgressSession {
    const username = `attempt-${randomBytes(8).toString('hex')}`;
    const password = randomBytes(24).toString('base64url');
    const session: Session = { secret: Buffer.from(password), upstream, refused: [] };
    this.sessions.set(username, session);
    return {
      // Chromium skips proxies for loopback unless told: `<-loopback>` sends those through too.
      settings: { server: this.url, username, password, bypass: '<-loopback>' },
      refused: session.refused,
      close: () => this.sessions.delete(username),
    };
  }

  async close(): Promise<void> {
    this.sessions.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** The attempt a request belongs to, from its Proxy-Authorization; null answers 407. */
  private sessionOf(req: IncomingMessage): Session | null {
    const [scheme, encoded] = (req.headers['proxy-authorization'] ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'basic' || !encoded) return null;
    const decoded = Buffer.from(encoded, 'base64').toString();
    const colon = decoded.indexOf(':');
    const session = this.sessions.get(decoded.slice(0, colon));
    const given = Buffer.from(decoded.slice(colon + 1));
    return session && given.length === session.secret.length && timingSafeEqual(given, session.secret) ? session : null;
  }

  /** Resolves and checks `host:port`; a refusal is recorded on the session. */
  private async checked(session: Session, host: string, port: number): Promise<ResolvedAddress[] | null> {
    try {
      return await this.check.resolve(host, port);
    } catch (err) {
      if (!(err instanceof EgressRefused)) throw err;
      if (err.internal) {
        session.refused.push(err);
        this.log.warn({ target: err.target, reason: err.reason }, 'egress refused');
      }
      return null;
    }
  }

  /** CONNECT host:port (https, wss): a tunnel to the checked address. */
  private async tunnel(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    client.on('error', () => client.destroy());
    const session = this.sessionOf(req);
    if (!session) return void client.end(AUTH_REQUIRED);
    const target = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(req.url ?? '');
    if (!target) return void client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    const port = Number(target[2]);
    const addresses = await this.checked(session, target[1]!, port);
    if (!addresses) return void client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    let upstream: Socket;
    try {
      upstream = await openTunnel(session.upstream, addresses, port);
    } catch (err) {
      this.log.info({ err: (err as Error).message, port }, 'egress tunnel failed');
      return void client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    splice(client, upstream);
  }

  /** A plain-HTTP request in absolute form: sent on to the checked address. */
  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = this.sessionOf(req);
    if (!session) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="jobswipe-egress"', 'content-length': 0 }).end();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '');
      if (url.protocol !== 'http:') throw new Error(url.protocol);
    } catch {
      res.writeHead(400, { 'content-length': 0 }).end();
      return;
    }
    const port = Number(url.port || 80);
    const addresses = await this.checked(session, url.hostname, port);
    if (!addresses) return void req.socket.destroy();
    const headers = endToEnd(req.headers);
    const upstream = session.upstream;
    const viaProxy = upstream && !upstream.server.startsWith('socks');
    let outgoing: ReturnType<typeof httpRequest>;
    if (viaProxy) {
      // The upstream proxy gets the checked address to connect to, and the site its own Host.
      const server = new URL(upstream.server);
      const first = addresses[0]!;
      const hostPart = first.family === 6 ? `[${first.address}]` : first.address;
      outgoing = httpRequest({
        host: server.hostname,
        port: Number(server.port || 80),
        method: req.method,
        path: `http://${hostPart}:${port}${url.pathname}${url.search}`,
        headers: { ...headers, ...proxyAuthorization(upstream) },
        timeout: CONNECT_TIMEOUT_MS,
      });
    } else {
      let socket: Socket;
      try {
        socket = await openTunnel(upstream, addresses, port);
      } catch {
        return void req.socket.destroy();
      }
      // No agent: the request goes over the checked socket, never one the agent would open.
      outgoing = httpRequest({
        createConnection: () => socket,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, connection: 'close' },
      });
    }
    outgoing.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('upstream timed out')));
    outgoing.on('error', () => req.socket.destroy());
    req.pipe(outgoing);
  }
}

const AUTH_REQUIRED =
  'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="jobswipe-egress"\r\nContent-Length: 0\r\n\r\n';

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_HEADERS.has(name)));
}

function proxyAuthorization(upstream: ProxySettings): Record<string, string> {
  if (!upstream.username) return {};
  const credentials = `${upstream.username}:${upstream.password ?? ''}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function splice(a: Duplex, b: Duplex): void {
  a.pipe(b);
  b.pipe(a);
  const end = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', end).on('close', end);
  b.on('error', end).on('close', end);
}

/** A TCP connection to `port` on the first of `addresses` that answers, through `upstream` if any. */
async function openTunnel(upstream: ProxySettings | null, addresses: ResolvedAddress[], port: number): Promise<Socket> {
  let last: unknown = new Error('no address');
  for (const { address } of addresses) {
    try {
      if (!upstream) return await direct(address, port);
      if (upstream.server.startsWith('socks')) return await throughSocks(upstream, address, port);
      return await throughConnect(upstream, address, port);
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

function direct(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port, timeout: CONNECT_TIMEOUT_MS });
    socket.once('connect', () => {
      socket.setTimeout(0);
      resolve(socket);
    });
    socket.once('timeout', () => socket.destroy(new Error(`connecting to ${host}:${port} timed out`)));
    socket.once('error', reject);
  });
}

async function throughSocks(upstream: ProxySettings, host: string, port: number): Promise<Socket> {
  const server = new URL(upstream.server);
  const { socket } = await SocksClient.createConnection({
    proxy: { host: server.hostname, port: Number(server.port || 1080), type: 5 },
    command: 'connect',
    destination: { host, port },
    timeout: CONNECT_TIMEOUT_MS,
  });
  return socket;
}

/** An HTTP(S) proxy's CONNECT tunnel to `host:port`. */
function throughConnect(upstream: ProxySettings, host: string, port: number): Promise<Socket> {
  const server = new URL(upstream.server);
  const secure = server.protocol === 'https:';
  const options = { host: server.hostname, port: Number(server.port || (secure ? 443 : 80)) };
  return new Promise((resolve, reject) => {
    const socket: Socket = secure ? tlsConnect({ ...options, servername: server.hostname }) : netConnect(options);
    const target = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    const auth = proxyAuthorization(upstream)['proxy-authorization'];
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => socket.destroy(new Error(`proxy ${server.host} timed out`)));
    socket.once('error', reject);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      socket.write(
        `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`,
      );
    });
    let reply = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      const end = reply.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply.subarray(0, end).toString())?.[1];
      if (status !== '200') return socket.destroy(new Error(`proxy ${server.host} answered CONNECT with ${status}`));
      socket.setTimeout(0);
      const rest = reply.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData);
  });
}
