// One backend node: the API, the device and events gateways, the outbox relay and the recovery
// duties (leader only), sharing one context. `npm start` runs one; tests run one or several
// against the same Postgres and Redis.
import type { Config } from './config.ts';
import { type AppContext, createContext } from './context.ts';
import { WorkStreams } from './delivery/work-streams.ts';
import { EventsGateway } from './events/events-gateway.ts';
import { FileRetention } from './files/retention.ts';
import { DeviceGateway } from './gateway/device-gateway.ts';
import { createApp } from './http/app.ts';
import { listen } from './http/server.ts';
import type { Logger } from './logger.ts';
import { OutboxRelay } from './outbox/outbox-relay.ts';
import { RecoveryDuties } from './recovery/recovery-duties.ts';
import { waitForRedis } from './redis/connection.ts';
import { RedisDataWatch } from './redis/data-loss.ts';
import { GraceRelease } from './swipes/grace-release.ts';

export interface BackendNode {
  ctx: AppContext;
  url: string;
  port: number;
  streams: WorkStreams;
  relay: OutboxRelay;
  grace: GraceRelease;
  gateway: DeviceGateway;
  recovery: RecoveryDuties;
  retention: FileRetention;
  /**
   * Stops taking requests and lets those in flight finish within `graceMs` (then cuts what is
   * left); devices' and the web's sockets are closed as "going away", so they reconnect to
   * another node. Answers how many connections had to be cut. Default grace 0: cut at once.
   */
  drain(graceMs?: number): Promise<number>;
  /** Drains (if not yet), then stops the background duties and closes the connections. */
  stop(graceMs?: number): Promise<void>;
}

export async function startNode(
  config: Config,
  databaseUrl: string,
  options: { log?: Logger } = {},
): Promise<BackendNode> {
  const ctx = createContext(config, databaseUrl, options);
  if (!(await waitForRedis(ctx.redis, 2_000))) {
    ctx.log.warn({ redis: config.REDIS_URL }, 'Redis is not reachable: starting degraded (Postgres only)');
  }
  const streams = new WorkStreams(ctx.redis, ctx.keys);
  const relay = new OutboxRelay(ctx, ctx.redis, streams, { sweepMs: config.OUTBOX_SWEEP_MS, retainMs: 24 * 3600_000 });
  const grace = new GraceRelease(ctx, relay);
  const gateway = new DeviceGateway(ctx, streams, { degradedPollMs: 2_000 });
  const events = new EventsGateway(ctx);
  const recovery = new RecoveryDuties(ctx, streams);
  const dataWatch = new RedisDataWatch(
    ctx,
    async () => {
      streams.forgetGroups();
      await gateway.recover();
    },
    config.REAPER_INTERVAL_MS,
  );
  const retention = new FileRetention(ctx);
  if (config.production && !config.S3_BUCKET) {
    ctx.log.warn(
      { files: ctx.files.location },
      'S3_BUCKET is not set: resumes and evidence stay on this machine, which no other node can reach',
    );
  }

  await ctx.events.start(ctx.subscriber);
  const http = await listen(createApp(ctx, { gateway, relay, grace }), config.PORT, config.HOST);
  // On a port picked at start (PORT=0, tests), links handed to executors must carry the real one.
  if (!config.PUBLIC_URL) config.publicUrl = http.url;
  await gateway.start(http.server);
  events.start(http.server);
  await relay.start();
  await grace.start();
  recovery.start();
  dataWatch.start();
  retention.start();
  ctx.log.info({ url: http.url, nodeId: ctx.nodeId }, 'backend node listening');
  let draining: Promise<number> | null = null;
  const drain = (graceMs = 0) => {
    draining ??= (async () => {
      ctx.draining = true;
      const closing = http.close(graceMs);
      await gateway.stop();
      events.stop();
      const cut = await closing;
      if (cut) ctx.log.warn({ cut, graceMs }, 'connections still open at the shutdown deadline were closed');
      return cut;
    })();
    return draining;
  };
  return {
    ctx,
    url: http.url,
    port: http.port,
    streams,
    relay,
    grace,
    gateway,
    recovery,
    retention,
    drain,
    async stop(graceMs) {
      await drain(graceMs);
      await retention.stop();
      dataWatch.stop();
      await recovery.stop();
      await grace.stop();
      await relay.stop();
      await ctx.close();
    },
  };
}
