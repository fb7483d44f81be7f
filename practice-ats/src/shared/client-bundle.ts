// The browser code of the single-page ATS forms (React from node_modules, and the web components
// of SmartRecruiters), bundled with esbuild on first request and kept in memory.
import { join } from 'node:path';
import { build } from 'esbuild';
import { Router } from 'express';

/** Entry points by asset name, relative to the practice-ats folder. */
const ENTRIES = {
  'greenhouse-job-boards': 'ats/greenhouse/client.ts',
  ashby: 'ats/ashby/client.ts',
  workday: 'ats/workday/client.ts',
  workable: 'ats/workable/client.ts',
  smartrecruiters: 'ats/smartrecruiters/client.ts',
  'never-tuned': 'never-tuned/client/index.ts',
} as const;
export type ClientBundle = keyof typeof ENTRIES;

const built = new Map<ClientBundle, Promise<string>>();

function bundle(name: ClientBundle): Promise<string> {
  let pending = built.get(name);
  if (!pending) {
    pending = build({
      entryPoints: [join(import.meta.dirname, '..', ENTRIES[name])],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'chrome110',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]?.text ?? '');
    // A failed build is not cached, so fixing the source and reloading works.
    pending.catch(() => built.delete(name));
    built.set(name, pending);
  }
  return pending;
}

export function assetUrl(name: ClientBundle): string {
  return `/__practice/assets/${name}.js`;
}

export function clientBundleRoutes(): Router {
  const router = Router();
  router.get('/__practice/assets/:name.js', async (req, res, next) => {
    const name = req.params.name as ClientBundle;
    if (!(name in ENTRIES)) return next();
    res
      .type('application/javascript')
      .set('cache-control', 'no-cache')
      .send(await bundle(name));
  });
  return router;
}
