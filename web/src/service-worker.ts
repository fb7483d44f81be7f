// The offline shell: caches the app (index.html and every hashed file of the build, each page's
// code included) so the site and all its pages open without a network, where the swipes waiting in
// IndexedDB are shown and sent once it returns. The API (/v1) is never cached: its answers are live.

/** The few service-worker types used here (the WebWorker lib cannot share a program with DOM). */
interface SwEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwInstallEvent extends SwEvent {
  /** Static routes (Chromium 123+): matching requests never reach the worker. */
  addRoutes?(rules: { condition: { urlPattern: { pathname: string } }; source: 'network' }[]): Promise<void>;
}
interface SwFetchEvent extends SwEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface SwScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install', listener: (event: SwInstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: SwEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
}

const sw = self as unknown as SwScope;
const CACHE = 'jobswipe-shell-v1';
const SHELL = '/';
/** Every file of this build, hashed or from public/, written in by the build (web/build/vite-plugins.ts). */
const BUILD_FILES = '__JOBSWIPE_BUILD_FILES__' as unknown as readonly string[];

/** index.html, fetched fresh, and every file of the build: each page's code works offline. */
async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const res = await fetch(SHELL, { cache: 'no-store' });
  if (!res.ok) return;
  await cache.put(SHELL, res);
  const cached = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  // Hashed names never change content: only the new ones are fetched.
  await cache.addAll(BUILD_FILES.filter((f) => !(f.startsWith('/assets/') && cached.has(f))));
}

async function cacheFirst(request: Request): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(CACHE)).put(request, res.clone());
  return res;
}

/**
 * Fresh when online (kept for later under `key`), the kept copy when not: the app's page (under one
 * key for every path) and the unhashed files (the manifest, its icons).
 */
async function networkFirst(request: Request, key: RequestInfo = request): Promise<Response> {
  try {
    const res = await fetch(request);
    if (res.ok) await (await caches.open(CACHE)).put(key, res.clone());
    return res;
  } catch (err) {
    const kept = await caches.match(key);
    if (kept) return kept;
    throw err;
  }
}

sw.addEventListener('install', (event) => {
  // API calls go straight to the network: no wait for the worker to start in front of a swipe, and
  // when the network is down they fail as they would without a worker (the swipe outbox keeps them).
  const api = event.addRoutes?.([{ condition: { urlPattern: { pathname: '/v1/*' } }, source: 'network' }]);
  event.waitUntil(Promise.all([api, precache()]).then(() => sw.skipWaiting()));
});

/** Drops other caches and the files of earlier builds, which no page of this build asks for. */
async function prune(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n)));
  const cache = await caches.open(CACHE);
  const current = new Set(BUILD_FILES);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !current.has(path)) await cache.delete(request);
  }
}

sw.addEventListener('activate', (event) => {
  event.waitUntil(prune().then(() => sw.clients.claim()));
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/v1')) return;
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (BUILD_FILES.includes(url.pathname)) event.respondWith(networkFirst(request));
  else if (request.mode === 'navigate') event.respondWith(networkFirst(request, SHELL));
});
