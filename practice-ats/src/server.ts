// The practice ATS server: every practice ATS's pages, forms and job-board APIs on one Express
// app, plus the /__practice endpoints that tests and the demo read.
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { botWallRoutes } from './adversarial/bot-wall.ts';
import { CaptchaService, captchaRoutes } from './adversarial/captcha.ts';
import { notFoundPage } from './adversarial/closed.ts';
import { loginWallRoutes } from './adversarial/login-wall.ts';
import { ATS_MODULES } from './ats/registry.ts';
import { homePage } from './home.ts';
import { neverTunedRoutes } from './never-tuned/forms/index.ts';
import { practiceApiRoutes } from './practice-api.ts';
import { clientBundleRoutes } from './shared/client-bundle.ts';
import { FormParseError } from './shared/form-data.ts';
import { locationRoutes } from './shared/locations.ts';
import { AccountStore } from './store/accounts.ts';
import { RequestLog } from './store/request-log.ts';
import { SubmissionStore } from './store/submissions.ts';

export interface PracticeAtsOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** A JSON file that keeps the submissions across restarts (default: PRACTICE_ATS_DATA, else none). */
  dataFile?: string | null;
}

export interface PracticeAts {
  url: string;
  close(): Promise<void>;
  submissions: SubmissionStore;
  requests: RequestLog;
}

export function createPracticeApp(submissions: SubmissionStore, requests: RequestLog): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const ctx = { submissions, accounts: new AccountStore(), captcha: new CaptchaService() };
  app.use(requests.middleware());
  app.get('/', (_req, res) => {
    res.send(homePage());
  });
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.use(practiceApiRoutes(submissions, requests));
  app.use(botWallRoutes());
  app.use(loginWallRoutes(ctx.accounts));
  app.use(captchaRoutes(ctx.captcha));
  app.use(clientBundleRoutes());
  app.use(locationRoutes());
  for (const module of ATS_MODULES) app.use(module.routes(ctx));
  app.use(neverTunedRoutes(ctx));
  app.use((_req, res) => {
    res.status(404).send(notFoundPage());
  });
  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    if (err instanceof FormParseError) {
      res.status(400).json({ error: err.message });
      return;
    }
    console.error(JSON.stringify({ level: 'error', msg: 'practice ATS request failed', error: String(err) }));
    res.status(500).json({ error: 'The practice ATS failed to handle this request; see its log.' });
  };
  app.use(onError);
  return app;
}

export async function startPracticeAts(opts: PracticeAtsOptions = {}): Promise<PracticeAts> {
  const host = opts.host ?? '127.0.0.1';
  const submissions = new SubmissionStore(
    opts.dataFile === undefined ? process.env.PRACTICE_ATS_DATA || null : opts.dataFile,
  );
  const requests = new RequestLog();
  const app = createPracticeApp(submissions, requests);
  const server = app.listen(opts.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    submissions,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
