// Run by worker-browser.test.ts as an unprivileged user: launches the worker's browser, opens a
// page, and prints whether the worker says it is sandboxed and whether its renderers really run in
// a user namespace of their own (Chromium's namespace sandbox), as JSON on stdout.
import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { createLogger } from '../../../src/logger.ts';
import { WorkerBrowser } from '../../../src/worker/worker-browser.ts';

async function probe() {
  const browser = new WorkerBrowser(createLogger('silent'));
  const page = await (await browser.get()).newPage();
  await page.goto('data:text/html,<p>sandbox probe</p>');
  const processes = execFileSync('ps', ['-o', 'pid=,args=', '-u', String(process.getuid?.())], { encoding: 'utf8' });
  const renderers = processes
    .split('\n')
    .filter((line) => line.includes('--type=renderer'))
    .map((line) => readlinkSync(`/proc/${line.trim().split(/\s+/)[0]}/ns/user`));
  const own = readlinkSync('/proc/self/ns/user');
  process.stdout.write(
    `${JSON.stringify({ sandboxed: browser.sandboxed, renderers: renderers.length, isolated: renderers.every((ns) => ns !== own) })}\n`,
  );
  await browser.close();
}

// Run as a plain script (not a module with top-level await) so tsx can load it from any folder.
void probe();
