// One backend node: the API and its background duties, sharing one context. `npm start` runs one;
// tests run one or several against the same Postgres and Redis.
import type { Config } from './config.ts';
import { type AppContext, createContext } from './context.ts';
import { createApp } from './http/app.ts';
import { listen } from './http/server.ts';
import type { Logger } from './logger.ts';
import { waitForRedis } from './redis/connection.ts';

export interface BackendNode {
  ctx: AppContext;
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startNode(
  config: Config,
  databaseUrl: string,
  options: { log?: Logger } = {},
): Promise<BackendNode> {
  const ctx = createContext(config, databaseUrl, options);
  if (ctx.redis && !(await waitForRedis(ctx.redis, 2_000))) {
    ctx.log.warn({ redis: config.REDIS_URL }, 'Redis is not reachable: starting degraded (Postgres only)');
  }
  const app = createApp(ctx);
  const http = await listen(app, config.PORT, config.HOST);
  ctx.log.info({ url: http.url }, 'backend node listening');
  return {
    ctx,
    url: http.url,
    port: http.port,
    async stop() {
      await http.close();
      await ctx.close();
    },
  };
}
