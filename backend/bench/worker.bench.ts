// The server lane's throughput on this machine: applications per minute that one worker completes
// at concurrency 1, 2 and 4, against the practice ATS, with a real backend, Postgres, Redis and
// Chromium (no host rate limit in the way). Prints a table and writes artifacts/bench/worker.json;
// asserts nothing. The load average is printed too: other work on the machine skews every figure.
// Run: npx tsx backend/bench/worker.bench.ts [--applications 8] [--proxies 0]
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { launchBrowser } from '@jobswipe/automations/runner/browser';
import { startTinyproxy } from '@jobswipe/automations/testing/tinyproxy';
import { startPracticeAts } from '@jobswipe/practice-ats';
import { startTestBackend } from '../test/support/backend.ts';
import { applicant, FILLABLE, practicePostings, startTestWorker, swipeAll } from '../test/support/server-lane.ts';

const { values } = parseArgs({
  options: { applications: { type: 'string', default: '8' }, proxies: { type: 'string', default: '0' } },
});
const applications = Math.max(1, Number(values.applications));
const proxyCount = Math.max(0, Number(values.proxies));
const OUTPUT = new URL('../../artifacts/bench/worker.json', import.meta.url);
const load = () => Math.round(loadavg()[0]! * 100) / 100;
const step = (what: string) => process.stderr.write(`bench: ${what}\n`);

interface Row {
  concurrency: number;
  applications: number;
  submitted: number;
  seconds: number;
  perMinute: number;
}

const loadAtStart = load();
const backend = await startTestBackend({ SWIPE_RATE_LIMIT: '100000' });
const ats = await startPracticeAts();
const { browser } = await launchBrowser();
const proxies = await Promise.all(Array.from({ length: proxyCount }, (_, i) => startTinyproxy(`bench-proxy-${i + 1}`)));
const prisma = backend.node.ctx.db.prisma;
const rows: Row[] = [];
try {
  for (const concurrency of [1, 2, 4]) {
    step(`concurrency ${concurrency}: ${applications} applications`);
    const user = await applicant(backend);
    const postings = Array.from({ length: applications }, (_, i) => FILLABLE[i % FILLABLE.length]!);
    const ids = await swipeAll(user, await practicePostings(prisma, ats, postings));
    const started = performance.now();
    const worker = await startTestWorker(
      backend,
      browser,
      { HOST_RATE_LIMIT_PER_MINUTE: '100000', PROXY_URLS: proxies.map((p) => p.url).join(',') },
      { concurrency },
    );
    let finished: { status: string }[] = [];
    while (finished.length < ids.length) {
      await delay(100);
      finished = await prisma.application.findMany({
        where: { id: { in: ids }, status: { notIn: ['QUEUED', 'CLAIMED', 'RUNNING'] } },
        select: { status: true },
      });
    }
    const seconds = (performance.now() - started) / 1000;
    await worker.stop();
    const submitted = finished.filter((a) => a.status === 'SUBMITTED').length;
    rows.push({
      concurrency,
      applications,
      submitted,
      seconds: Math.round(seconds * 10) / 10,
      perMinute: Math.round((submitted / seconds) * 60 * 10) / 10,
    });
  }
} finally {
  await Promise.all(proxies.map((p) => p.close()));
  await browser.close();
  await ats.close();
  await backend.close();
}

const results = { proxies: proxyCount, load: { atStart: loadAtStart, atEnd: load() }, rows };
console.log(`\nServer lane, practice ATS, ${proxyCount ? `${proxyCount} tinyproxies` : 'direct'}`);
console.log('concurrency | applications | submitted | seconds | applications/min');
for (const r of rows) {
  console.log(
    `${String(r.concurrency).padStart(11)} | ${String(r.applications).padStart(12)} | ${String(r.submitted).padStart(9)} | ${String(r.seconds).padStart(7)} | ${String(r.perMinute).padStart(16)}`,
  );
}
console.log(`load average (1 min): ${results.load.atStart} at start, ${results.load.atEnd} at end, on 2 cores`);
await mkdir(new URL('.', OUTPUT), { recursive: true });
await writeFile(OUTPUT, `${JSON.stringify(results, null, 2)}\n`);
step(`figures written to ${OUTPUT.pathname}`);
