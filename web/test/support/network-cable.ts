// A TCP hop between the browser and the backend that a test can unplug: while unplugged, every
// connection is cut as it arrives and open ones are dropped, as in a real outage. Chromium's
// offline emulation alone does not cover every path (requests a service worker routes to the
// network can slip past it), so the offline tests take the network away for real.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class NetworkCable {
  private plugged = true;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** A cable to the server at `target`; browse `cable.url` instead of the target's own. */
  static async to(target: string): Promise<NetworkCable> {
    const upstream = new URL(target);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, upstream.hostname, resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the cable has no TCP port');
    const url = new URL(target);
    url.port = String(address.port);
    const cable = new NetworkCable(server, url.origin);
    server.on('connection', (socket) => cable.carry(socket, upstream));
    return cable;
  }

  unplug(): void {
    this.plugged = false;
    for (const socket of this.sockets) socket.destroy();
  }

  plug(): void {
    this.plugged = true;
  }

  close(): Promise<void> {
    this.unplug();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private carry(client: Socket, upstream: URL): void {
    if (!this.plugged) {
      client.resetAndDestroy();
      return;
    }
    const server = connect(Number(upstream.port), upstream.hostname);
    for (const [from, to] of [
      [client, server],
      [server, client],
    ] as const) {
      this.sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}
