// Starts the HTTP server; WebSocket endpoints attach to its upgrade event. Shutting down drains
// it: no new connection is accepted, every response from then on closes its connection (keep-alive
// clients reconnect to another node), requests already in flight get until the deadline to finish,
// and only what is still open then is cut.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** True from the moment `close` is called. */
  readonly draining: boolean;
  /** Drains within `graceMs`; answers how many connections were still open at the deadline and cut. */
  close(graceMs?: number): Promise<number>;
}

export async function listen(app: express.Express, port: number, host: string): Promise<RunningServer> {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (draining) res.shouldKeepAlive = false;
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // A keep-alive connection that just went idle is closed at once, not after its timeout.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    app(req, res);
  });
  // Slowloris guard, and idle keep-alive sockets must not hold a shutdown hostage.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  let closing: Promise<number> | null = null;
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    get draining() {
      return draining;
    },
    close(graceMs = 0) {
      closing ??= (async () => {
        draining = true;
        for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'deadline'>((resolve) => {
          timer = setTimeout(() => resolve('deadline'), graceMs);
        });
        const outcome = await Promise.race([closed, deadline]);
        clearTimeout(timer);
        if (outcome !== 'deadline') return 0;
        const open = await new Promise<number>((resolve) => server.getConnections((_, n) => resolve(n ?? 0)));
        server.closeAllConnections();
        await closed;
        return open;
      })();
      return closing;
    },
  };
}
