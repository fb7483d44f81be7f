// GET /v1/queue/stats (operators): where the applications are, how long the oldest queued one
// has waited, and how many devices are online.
import type { QueueStats } from '@jobswipe/protocol';
import { Router } from 'express';
import { requireOperator } from '../auth/authenticate.ts';
import type { AppContext } from '../context.ts';
import { ONLINE_WINDOW_MS } from '../devices/device-view.ts';
import { countApplications } from './application-counts.ts';

export function queueStatsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { prisma } = ctx.db;
  router.get('/queue/stats', requireOperator, async (_req, res) => {
    const [counts, [oldest], devicesOnline] = await Promise.all([
      countApplications(prisma),
      prisma.$queryRaw<{ age: number | null }[]>`
        select extract(epoch from now() - min(available_at))::float8 as age
        from applications where status = 'QUEUED'`,
      prisma.device.count({
        where: { revokedAt: null, lastSeenAt: { gt: new Date(Date.now() - ONLINE_WINDOW_MS) } },
      }),
    ]);
    const age = oldest?.age ?? null;
    const body: QueueStats = { counts, oldestQueuedAgeSeconds: age === null ? null : Math.max(0, age), devicesOnline };
    res.json(body);
  });
  return router;
}
