// The web app's speed on a phone: what the first visit downloads (JavaScript and CSS as the
// backend sends them, brotli-compressed) and the time to an interactive deck on a cold load
// (fresh browser context, empty cache, signed in) through Chromium's CDP throttling: 4× CPU
// slowdown, 150 ms round trip, 1.6 Mbps down. Prints both against the targets and writes them to
// artifacts/bench/web.json. Run: npm run bench -w @jobswipe/web [-- runs]
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signUp } from '@jobswipe/backend/testing/api';
import { createJobs } from '@jobswipe/backend/testing/factories';
import { distribution } from '@jobswipe/testkit/stats';
import { ensureWebBuild } from '../build/build-web.ts';
import { firstLoadFiles } from '../build/first-load.ts';
import { WEB_DIST } from '../build/web-paths.ts';
import { launchBrowser, PHONE, plantSession, startBackend } from '../test/support/browser.ts';

const runs = Number(process.argv[2] ?? 5);

/** The phone profile of the targets (Lighthouse's "slow 4G" is close: 150 ms, 1.6 Mbps). */
const PROFILE = { cpuSlowdown: 4, latencyMs: 150, downBitsPerS: 1.6e6, upBitsPerS: 750e3 };
const TARGETS = { firstLoadJsBytes: 120 * 1024, interactiveMs: 2_000 };

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const check = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');

async function sizes(files: string[]): Promise<{ raw: number; br: number }> {
  let raw = 0;
  let br = 0;
  for (const file of files) {
    raw += (await stat(join(WEB_DIST, file))).size;
    // Files too small to be worth compressing are sent as they are.
    br += (await stat(join(WEB_DIST, `${file}.br`)).catch(() => stat(join(WEB_DIST, file)))).size;
  }
  return { raw, br };
}

await ensureWebBuild((msg) => console.log(msg));
const initial = await firstLoadFiles();
const js = await sizes(initial.filter((f) => f.endsWith('.js')));
const css = await sizes(initial.filter((f) => f.endsWith('.css')));
const source = await Promise.all(
  initial.filter((f) => f.endsWith('.js')).map((f) => readFile(join(WEB_DIST, f), 'utf8')),
);
const zodOnFirstLoad = source.some((code) => /ZodError|\$ZodType/.test(code));

console.log('First load (web/dist, as sent: brotli)');
console.log(
  `  JavaScript  ${kb(js.raw).padStart(10)} raw  ${kb(js.br).padStart(10)} br   target ≤ ${kb(TARGETS.firstLoadJsBytes)}: ${check(js.br <= TARGETS.firstLoadJsBytes)}`,
);
console.log(`  CSS         ${kb(css.raw).padStart(10)} raw  ${kb(css.br).padStart(10)} br`);
console.log(`  zod in the first load: ${zodOnFirstLoad ? 'YES' : 'no'}`);

const [backend, browser] = await Promise.all([startBackend({ LOG_LEVEL: 'warn' }), launchBrowser()]);
const times: number[] = [];
const transferred: number[] = [];
try {
  await createJobs(backend.node.ctx.db.prisma, 30);
  for (let i = 0; i < runs; i++) {
    // A new user per run: the same deck, and no swipe of an earlier run changes it.
    const user = await signUp(backend.api);
    const context = await browser.newContext({
      baseURL: backend.node.url,
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    await plantSession(context, backend, user);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: PROFILE.downBitsPerS / 8,
      uploadThroughput: PROFILE.upBitsPerS / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    const scripts = new Set<string>();
    let scriptBytes = 0;
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.add(e.requestId);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scripts.has(e.requestId)) scriptBytes += e.encodedDataLength;
    });
    await page.goto('/', { waitUntil: 'commit' });
    await page.waitForFunction(
      () => document.querySelector('.card-top') && !document.querySelector('.action-apply[disabled]'),
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    times.push(await page.evaluate(() => performance.now()));
    transferred.push(scriptBytes);
    await context.close();
  }
} finally {
  await browser.close();
  await backend.close();
}

const interactive = distribution(times);
console.log(
  `\nTime to an interactive deck, cold load, ${runs} runs (${PROFILE.cpuSlowdown}× CPU, ${PROFILE.latencyMs} ms RTT, ${PROFILE.downBitsPerS / 1e6} Mbps)`,
);
console.log(
  `  median ${interactive.p50.toFixed(0)} ms   max ${interactive.max.toFixed(0)} ms   target ≤ ${TARGETS.interactiveMs} ms: ${check(interactive.p50 <= TARGETS.interactiveMs)}`,
);
console.log(`  JavaScript over the wire until then: ${kb(Math.max(...transferred))} (largest run)`);
// Other work on the machine slows the throttled CPU further: the figure is only as good as this.
console.log(`  machine load (1-min average, ${cpus().length} cores): ${loadavg()[0]?.toFixed(1)}`);

const out = fileURLToPath(new URL('../../artifacts/bench/', import.meta.url));
await mkdir(out, { recursive: true });
await writeFile(
  join(out, 'web.json'),
  `${JSON.stringify(
    {
      profile: PROFILE,
      targets: TARGETS,
      firstLoad: { js, css, zodOnFirstLoad },
      interactiveMs: interactive,
      scriptBytesTransferred: transferred,
      loadAverage: loadavg()[0],
    },
    null,
    2,
  )}\n`,
);
