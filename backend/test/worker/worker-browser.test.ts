// The worker's Chromium runs in its sandbox wherever the system allows it: started as an ordinary
// user, its renderers live in user namespaces of their own; started as root (which Chromium's
// sandbox refuses), it falls back to running without, and says so.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { WorkerBrowser } from '../../src/worker/worker-browser.ts';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./support/sandbox-probe.ts', import.meta.url));

async function probeAs(user: string | null): Promise<{ sandboxed: boolean; renderers: number; isolated: boolean }> {
  const node = [process.execPath, '--import', 'tsx', PROBE];
  const [file, ...args] = user ? ['runuser', '-u', user, '--', 'env', 'HOME=/tmp', ...node] : node;
  const { stdout } = await run(file!, args, { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/** Whether `nobody` can read this checkout (a clone under a private home cannot be). */
async function nobodyCanRead(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  return run('runuser', ['-u', 'nobody', '--', 'test', '-r', PROBE]).then(
    () => true,
    () => false,
  );
}

const asNobody = await nobodyCanRead();

describe('the worker browser', () => {
  it.runIf(asNobody)('runs Chromium sandboxed when started as an ordinary user', { timeout: 90_000 }, async () => {
    expect(await probeAs('nobody')).toMatchObject({ sandboxed: true, isolated: true });
  });

  it.runIf(process.getuid?.() === 0)('falls back to no sandbox as root', { timeout: 90_000 }, async () => {
    const probe = await probeAs(null);
    expect(probe.sandboxed).toBe(false);
    expect(probe.renderers).toBeGreaterThan(0);
    expect(probe.isolated).toBe(false);
  });
});

describe('the worker browser with a model configured', () => {
  it('opens a DevTools endpoint on loopback for the model fallback, and only then', async () => {
    const withCdp = new WorkerBrowser(createLogger('silent'), undefined, { withCdp: true });
    const without = new WorkerBrowser(createLogger('silent'));
    try {
      await Promise.all([withCdp.get(), without.get()]);
      expect(withCdp.cdpUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//);
      expect(without.cdpUrl).toBeNull();
    } finally {
      await Promise.all([withCdp.close(), without.close()]);
    }
  });
});
