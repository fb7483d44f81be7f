// Builds web/dist when it is missing or older than the sources the bundle is made from: a quick
// look at modification times, then Vite's build() API. `npm start` and the web tests call it.
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST, WEB_ROOT } from './web-paths.ts';

/** The web app's own sources and the protocol it imports shapes and statuses from. */
const SOURCES = [
  join(WEB_ROOT, 'src'),
  join(WEB_ROOT, 'public'),
  join(WEB_ROOT, 'index.html'),
  join(WEB_ROOT, 'vite.config.ts'),
  join(WEB_ROOT, 'build', 'vite-plugins.ts'),
  join(WEB_ROOT, 'package.json'),
  fileURLToPath(new URL('../../protocol/src/', import.meta.url)),
];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((name) => newestMtime(join(path, name))));
  return Math.max(info.mtimeMs, ...times);
}

/** Whether web/dist is missing or older than any source file. */
export async function webBuildIsStale(distDir = WEB_DIST): Promise<boolean> {
  const built = await stat(join(distDir, 'index.html')).catch(() => null);
  if (!built) return true;
  const sources = await Promise.all(SOURCES.map(newestMtime));
  return Math.max(...sources) > built.mtimeMs;
}

/** Builds the web app if stale; answers whether it built. */
export async function ensureWebBuild(log: (msg: string) => void = () => undefined): Promise<boolean> {
  if (!(await webBuildIsStale())) return false;
  log('building the web app (web/dist is missing or older than its sources)');
  const { build } = await import('vite');
  // Built aside and swapped in, so a server reading web/dist never sees half a build.
  const staging = join(WEB_ROOT, `dist.building-${process.pid}`);
  // Vite keeps a NODE_ENV it finds (a test runner sets "test"), which would bundle React's
  // development build: the site is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: staging, emptyOutDir: true },
    });
    await rm(WEB_DIST, { recursive: true, force: true });
    await rename(staging, WEB_DIST);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}
