// The Express application: one place that mounts every module's routes under /v1.

import { LOGO_SOURCES } from '@jobswipe/protocol/job-catalog';
import compression from 'compression';
import express, { Router } from 'express';
import helmet from 'helmet';
import { applicationRoutes } from '../applications/routes.ts';
import { authenticate } from '../auth/authenticate.ts';
import { authRoutes } from '../auth/routes.ts';
import { billingRoutes, stripeWebhookRoutes } from '../billing/routes.ts';
import type { AppContext } from '../context.ts';
import { deviceApiRoutes } from '../devices/device-api-routes.ts';
import { devicePairingRoutes, deviceRoutes } from '../devices/routes.ts';
import { evidenceRoutes, evidenceUploadRoutes } from '../evidence/routes.ts';
import { fileRoutes } from '../files/routes.ts';
import type { DeviceGateway } from '../gateway/device-gateway.ts';
import { longPollRoutes } from '../gateway/long-poll-routes.ts';
import { jobRoutes } from '../jobs/routes.ts';
import { modelAnswerRoutes, modelRelayRoutes } from '../model/routes.ts';
import { deadLetterRoutes } from '../ops/dead-letters.ts';
import { healthRoutes } from '../ops/health-routes.ts';
import { httpMetrics } from '../ops/http-metrics.ts';
import { queueStatsRoutes } from '../ops/queue-stats.ts';
import { planRoutes } from '../plans/routes.ts';
import { profileRoutes } from '../profile/routes.ts';
import { answerUsageRoutes } from '../profile/usage-routes.ts';
import { swipeRoutes } from '../swipes/routes.ts';
import type { SwipeDelivery } from '../swipes/swipe-transaction.ts';
import { trackerRoutes } from '../tracker/tracker-routes.ts';
import { userRoutes } from '../users/routes.ts';
import { serveWeb } from '../web/serve-web.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { openApiRoutes } from './openapi-routes.ts';
import { requestContext } from './request-context.ts';

export function createApp(ctx: AppContext, delivery: { gateway: DeviceGateway } & SwipeDelivery): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer every request comes from its address: req.ip (per-IP limits, the audit
  // log) must be the client's, read from X-Forwarded-For of the proxies trusted here.
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  const https = ctx.config.publicUrl.startsWith('https:');
  // Security headers for the API and the web app alike: a CSP allowing only our own origin (the
  // app, its service worker, manifest and live-events socket), no framing, nosniff, no referrer.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'frame-ancestors': ["'none'"],
          // Evidence screenshots are fetched with the access token and shown as blob: URLs; company
          // logos only from where the boards keep them (sent no referrer): an image address in a
          // posting can never make a user's browser reach into the user's own network.
          'img-src': ["'self'", 'data:', 'blob:', ...LOGO_SOURCES],
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      strictTransportSecurity: https,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(requestContext(ctx.log));
  app.use(httpMetrics(ctx.metrics));
  app.use(healthRoutes(ctx));
  const json = express.json({ limit: '100kb' });
  const signedIn = authenticate(ctx.tokens);
  // The hottest route first, matched here instead of after every other router's routes, and left
  // uncompressed: its answers are under a kilobyte (never compressed), yet compression's wrapper
  // alone cost 30–50 µs of CPU per request, more than helmet and the log scope (http-stack.bench.ts).
  app.use('/v1', swipeRoutes(ctx, delivery, [json, signedIn]));
  // API answers compressed (brotli or gzip); the web app's files come compressed by the build.
  app.use(compression());
  // Stripe signs the raw bytes: the webhook must read them before the JSON parser does.
  app.use('/v1', stripeWebhookRoutes(ctx));
  // Its own body limit: a model call carries the page's accessibility tree.
  app.use('/v1', modelRelayRoutes(ctx));
  app.use(json);

  app.use('/v1/auth', authRoutes(ctx));
  // Reached without a user's sign-in: a device exchanging its pairing code, signed file links.
  app.use('/v1', devicePairingRoutes(ctx));
  app.use('/v1', fileRoutes(ctx));
  app.use('/v1', longPollRoutes(ctx, delivery.gateway));
  app.use('/v1', deviceApiRoutes(ctx, delivery.grace));
  app.use('/v1', evidenceUploadRoutes(ctx));
  // Its owner's access token or one of the owner's device tokens.
  app.use('/v1', evidenceRoutes(ctx));
  app.use('/v1', modelAnswerRoutes(ctx));
  app.use('/v1', openApiRoutes());

  const v1 = Router();
  v1.use(signedIn);
  v1.use(userRoutes(ctx));
  v1.use(profileRoutes(ctx));
  v1.use(answerUsageRoutes(ctx));
  v1.use(jobRoutes(ctx));
  v1.use(deviceRoutes(ctx));
  v1.use(planRoutes(ctx));
  v1.use(billingRoutes(ctx));
  v1.use(queueStatsRoutes(ctx));
  v1.use(deadLetterRoutes(ctx));
  v1.use(applicationRoutes(ctx, delivery.grace));
  v1.use(trackerRoutes(ctx));
  app.use('/v1', v1);

  app.use('/v1', notFoundHandler);
  // The web app, after the API: its fallback answers the app's own paths with index.html.
  app.use(serveWeb());
  app.use(errorHandler(ctx.log));
  return app;
}
