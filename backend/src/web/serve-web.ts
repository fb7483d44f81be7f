// Serves the built web app (web/dist) from the API's origin: hashed assets cached for a year,
// index.html never cached (it names the current assets), and every other GET that is not under
// /v1 answered with index.html so the app's own router can show the page. Files are sent as the
// build compressed them (brotli, else gzip) when the browser takes that encoding.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '@jobswipe/web/build/web-paths';
import { type NextFunction, type Request, type Response, Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

const YEAR_S = 365 * 24 * 3600;

/** Production serves a web app built ahead (`npm run build`) and never builds one at start. */
export function requireWebBuild(distDir: string = WEB_DIST): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${join(distDir, 'index.html')} is missing): run \`npm run build\` before starting in production.`,
    );
  }
}

export function serveWeb(distDir: string = WEB_DIST): Router {
  const router = Router();
  const index = join(distDir, 'index.html');
  const precompressed = { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false };
  router.use(
    '/assets',
    expressStaticGzip(join(distDir, 'assets'), {
      ...precompressed,
      serveStatic: { immutable: true, maxAge: YEAR_S * 1000, fallthrough: false, index: false },
    }),
  );
  router.use(expressStaticGzip(distDir, { ...precompressed, serveStatic: { index: false, maxAge: 0 } }));
  router.get(/^\/(?!v1(\/|$)).*/, (req: Request, res: Response, next: NextFunction) => {
    if (!req.accepts('html') || !existsSync(index)) return next();
    res.set('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
