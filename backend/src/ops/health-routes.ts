// GET /healthz (the process answers), GET /readyz (it can serve: Postgres answers and it is not
// shutting down; Redis is reported, since the node serves without it, degraded) and GET /metrics
// (Prometheus).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Readiness } from '@jobswipe/protocol';
import { type Request, Router } from 'express';
import { bearerToken } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { isRedisReady } from '../redis/connection.ts';

const READY_TIMEOUT_MS = 2_000;

export function healthRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const postgres = (await postgresAnswers(ctx)) ? 'ready' : 'down';
    const ready = postgres === 'ready' && !ctx.draining;
    const body: Readiness = {
      status: ready ? 'ready' : 'unavailable',
      postgres,
      redis: isRedisReady(ctx.redis) ? 'ready' : 'degraded',
    };
    res.status(ready ? 200 : 503).json(body);
  });

  router.get('/metrics', async (req, res) => {
    // The API port is public: without a token the metrics are not served there at all.
    if (!ctx.config.METRICS_TOKEN) {
      throw new AppError('not_found', 'Metrics are served on this port only with METRICS_TOKEN set.');
    }
    checkMetricsToken(req, ctx.config.METRICS_TOKEN);
    res.setHeader('Content-Type', ctx.metrics.registry.contentType);
    res.end(await ctx.metrics.registry.metrics());
  });

  return router;
}

async function postgresAnswers(ctx: AppContext): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const query = ctx.db.pool.query('select 1').then(
    () => true,
    (err: Error) => {
      ctx.log.warn({ err: err.message }, 'readiness: Postgres does not answer');
      return false;
    },
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function checkMetricsToken(req: Request, expected: string): void {
  const given = bearerToken(req);
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!given || !timingSafeEqual(digest(given), digest(expected))) {
    throw new AppError('unauthenticated', 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".');
  }
}
