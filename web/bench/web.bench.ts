// The web app's speed, printed: the production bundle (what the first page downloads, and all of
// it), raw and gzipped, and the time to the first interactive card on a cold load (fresh browser
// context, empty cache), median of several runs. Run: npx tsx web/bench/web.bench.ts [runs]
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signUp } from '@jobswipe/backend/testing/api';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { ensureWebBuild } from '../build/build-web.ts';
import { WEB_DIST } from '../build/web-paths.ts';
import { launchBrowser, plantSession, startBackend } from '../test/support/browser.ts';

const runs = Number(process.argv[2] ?? 7);

interface Sizes {
  raw: number;
  gzip: number;
}

async function sizeOf(files: string[]): Promise<Sizes> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(WEB_DIST, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const row = (label: string, s: Sizes) =>
  `  ${label.padEnd(28)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

await ensureWebBuild((msg) => console.log(msg));
const html = await readFile(join(WEB_DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
const assets = (await readdir(join(WEB_DIST, 'assets'))).map((f) => `assets/${f}`);
console.log('Production bundle (web/dist)');
console.log(row('first load JS', await sizeOf(initial.filter((f) => f.endsWith('.js')))));
console.log(row('first load CSS', await sizeOf(initial.filter((f) => f.endsWith('.css')))));
console.log(row('all JS (pages load on demand)', await sizeOf(assets.filter((f) => f.endsWith('.js')))));

const [backend, browser] = await Promise.all([startBackend(), launchBrowser()]);
try {
  await createJobs(backend.node.ctx.db.prisma, 30);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A new user per run: the same deck, and no swipe of an earlier run changes it.
    const user = await signUp(backend.api);
    const context = await browser.newContext({ baseURL: backend.node.url, viewport: { width: 390, height: 844 } });
    await plantSession(context, backend, user);
    const page = await context.newPage();
    await page.goto('/', { waitUntil: 'commit' });
    await page.waitForFunction(
      () => document.querySelector('.card-top') && !document.querySelector('.action-apply[disabled]'),
      null,
      {
        polling: 'raf',
      },
    );
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  console.log(`\nTime to the first interactive card, cold load (${runs} runs, signed in, phone viewport)`);
  console.log(
    `  median ${median(times).toFixed(0)} ms   min ${Math.min(...times).toFixed(0)} ms   max ${Math.max(...times).toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await backend.close();
}
