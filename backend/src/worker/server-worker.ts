// A server worker: the server-lane consumer wired to the engine on our servers — one Chromium per
// process, the rotating proxies and the host rate limits shared with every other worker through
// Redis, metrics on the context's registry. `npm run worker` runs one per process; `npm start`
// runs one in-process; tests and the bench run several.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { aiFallbackFromEnv } from '@jobswipe/automations/ai/stagehand-fallback';
import type { Browser } from 'playwright-core';
import type { AppContext } from '../context.ts';
import { WorkStreams } from '../delivery/work-streams.ts';
import { AddressCheck, type Resolve } from '../egress/address-check.ts';
import { EgressProxy } from '../egress/egress-proxy.ts';
import type { Executor } from '../leases/executor.ts';
import { modelUseFor } from '../model/model-use.ts';
import type { ProxyPool } from '../proxies/proxy-pool.ts';
import { serverLaneProxies } from '../proxies/server-lane-proxies.ts';
import { HostRateLimiter } from '../rate-limits/host-rate-limit.ts';
import { connectRedis } from '../redis/connection.ts';
import { applyOnServer, type ServerApplyDeps } from './apply-on-server.ts';
import { ServerLaneConsumer } from './server-lane-consumer.ts';
import { WorkerBrowser } from './worker-browser.ts';
import { measured, proxyObserver, workerMetrics } from './worker-metrics.ts';

export interface ServerWorkerOptions {
  /** Default: WORKER_CONCURRENCY. */
  concurrency?: number;
  workerId?: string;
  /** A browser to share (tests, the bench); by default the worker launches its own. */
  browser?: Browser;
  /** The shared browser's DevTools endpoint, for the model fallback (Stagehand attaches over CDP). */
  cdpUrl?: string;
  /** The window of the host rate limits: a minute unless told (tests shorten it). */
  rateWindowMs?: number;
  /** The longest wait for a host's rate limit sat out holding the application (default 10 s); longer ones put it off. */
  holdForRateMs?: number;
  /** How long an idle worker blocks on the streams before looking again. */
  blockMs?: number;
  /** How host names are resolved for the address check (tests: a hosts override); default the system's. */
  resolve?: Resolve;
}

export interface ServerWorker {
  readonly workerId: string;
  readonly consumer: ServerLaneConsumer;
  readonly proxies: ProxyPool;
  /** Stops taking work; running applications get `graceMs` to finish, the rest are handed back. */
  stop(graceMs?: number): Promise<void>;
}

/** Waits for a host's rate limit up to this long keep the application; longer ones put it off and free the slot. */
const HOLD_FOR_RATE_MS = 10_000;

export async function startServerWorker(ctx: AppContext, options: ServerWorkerOptions = {}): Promise<ServerWorker> {
  const { config } = ctx;
  const concurrency = options.concurrency ?? config.WORKER_CONCURRENCY;
  if (concurrency < 1) throw new Error('A server worker needs WORKER_CONCURRENCY of at least 1.');
  const workerId = options.workerId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const executor: Executor = { kind: 'server', workerId };
  const metrics = workerMetrics(ctx.metrics.registry);
  const proxies = await serverLaneProxies(config, ctx, proxyObserver(metrics));
  const endpoints = proxies.endpoints;
  const rates = new HostRateLimiter(
    ctx.redis,
    ctx.keys,
    {
      perMinute: config.HOST_RATE_LIMIT_PER_MINUTE,
      overrides: config.HOST_RATE_LIMITS,
      ...(options.rateWindowMs ? { windowMs: options.rateWindowMs } : {}),
    },
    ctx.log,
  );
  const check = new AddressCheck({
    allow: config.egressAllow,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const egress = await EgressProxy.start(check, ctx.log);
  const model = modelOf(ctx);
  const browser = new WorkerBrowser(ctx.log, options.browser, { sharedUrl: options.cdpUrl, withCdp: model !== null });
  // Launched now, so a missing Chromium stops start-up instead of failing every application.
  await browser.get();

  const blocking = connectRedis(config, ctx.log, 'worker-reads', { blockingReads: true });
  const execute = measured(
    applyOnServer({
      ctx,
      executor,
      browser,
      proxies,
      egress: { check, proxy: egress },
      rates,
      holdForRateMs: options.holdForRateMs ?? HOLD_FOR_RATE_MS,
      metrics,
      ai: model && modelFallback(ctx, executor, model, browser),
    }),
    metrics,
  );
  const consumer = new ServerLaneConsumer(ctx, new WorkStreams(ctx.redis, ctx.keys), {
    workerId,
    concurrency,
    execute,
    blocking,
    ...(options.blockMs ? { blockMs: options.blockMs } : {}),
  });
  consumer.start();
  ctx.log.info(
    {
      workerId,
      concurrency,
      proxies: endpoints.map((e) => e.label),
      hostRatePerMinute: config.HOST_RATE_LIMIT_PER_MINUTE,
    },
    endpoints.length ? 'server worker started' : 'server worker started without proxies: applying directly',
  );
  return {
    workerId,
    consumer,
    proxies,
    async stop(graceMs = config.WORKER_GRACE_MS) {
      await consumer.stop(graceMs);
      blocking.disconnect();
      await browser.close();
      await egress.close();
      ctx.log.info({ workerId }, 'server worker stopped');
    },
  };
}

/** The model fallback's factory when LLM_BASE_URL and LLM_MODEL are set, else null. */
function modelOf(ctx: AppContext) {
  const { LLM_BASE_URL, LLM_MODEL, LLM_API_KEY } = ctx.config;
  return aiFallbackFromEnv({ LLM_BASE_URL, LLM_MODEL, LLM_API_KEY });
}

/**
 * Stagehand for one attempt, attached over CDP to the browser the attempt runs in, charging the
 * application's user, with the shared widget actions and that user's drafts.
 */
function modelFallback(
  ctx: AppContext,
  executor: Executor,
  model: NonNullable<ReturnType<typeof modelOf>>,
  browser: WorkerBrowser,
): NonNullable<ServerApplyDeps['ai']> {
  return {
    async start(order) {
      await browser.get();
      if (!browser.cdpUrl) throw new Error('the shared browser has no DevTools endpoint (pass cdpUrl)');
      return model.start(
        browser.cdpUrl,
        await modelUseFor(ctx, executor, order.applicationId, BigInt(order.leaseToken)),
      );
    },
  };
}
