// The standalone worker's own small HTTP server: /healthz, /readyz and /metrics (its outcomes,
// rate-limit waits and proxy health), the same routes the API node serves, for the same probes
// and Prometheus scrapes.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { AppContext } from '../context.ts';
import { errorHandler } from '../http/error-handler.ts';
import { healthRoutes } from '../ops/health-routes.ts';

export interface WorkerHealth {
  port: number;
  close(): Promise<void>;
}

export async function serveWorkerHealth(ctx: AppContext, port: number): Promise<WorkerHealth> {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(ctx));
  app.use(errorHandler(ctx.log));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, ctx.config.HOST, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
