// Chromium as users run it: as an ordinary user, in its sandbox. The tests run as root here, and
// Chromium refuses its sandbox for root; the agent never turns it off. So the "configured
// Chromium" the tests give the agent is a small launcher that drops to `nobody` (setpriv keeps the
// DevTools pipe Playwright opened) and starts Debian's Chromium, and the agent dir is handed to
// that user so the browser can keep its profile there. Not root (a developer's machine): Chromium
// itself.
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutable } from '@jobswipe/automations/runner/browser';

const NOBODY = 65534;
const NOGROUP = 65534;

export interface UnprivilegedChromium {
  /** The executable to configure as the agent's browser. */
  executable: string;
  /** Lets the browser user keep its profile in this agent dir (its parents must let it pass). */
  prepareAgentDir(agentDir: string): Promise<void>;
  remove(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

export async function unprivilegedChromium(): Promise<UnprivilegedChromium> {
  if (!asRoot) {
    return { executable: chromiumExecutable(), prepareAgentDir: async () => {}, remove: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'jsd-chromium-'));
  await chmod(dir, 0o755);
  const home = join(dir, 'home');
  await mkdir(home);
  await chown(home, NOBODY, NOGROUP);
  const executable = join(dir, 'chromium-as-nobody');
  await writeFile(
    executable,
    `#!/bin/sh\nexec setpriv --reuid=${NOBODY} --regid=${NOGROUP} --clear-groups env HOME=${home} ${chromiumExecutable()} "$@"\n`,
  );
  await chmod(executable, 0o755);
  return {
    executable,
    async prepareAgentDir(agentDir) {
      await mkdir(join(agentDir, 'browser-profile'), { recursive: true });
      await chown(agentDir, NOBODY, NOGROUP);
      await chown(join(agentDir, 'browser-profile'), NOBODY, NOGROUP);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface BrowserProcess {
  pid: number;
  uid: number;
  args: string[];
}

/** The running Chromium main processes on this profile (Linux /proc), to check how they run. */
export async function browserProcesses(profileDir: string): Promise<BrowserProcess[]> {
  const found: BrowserProcess[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      if (!args.includes(`--user-data-dir=${profileDir}`) || args.some((a) => a.startsWith('--type='))) continue;
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      found.push({ pid: Number(entry), uid, args });
    } catch {
      // The process ended while it was read.
    }
  }
  return found;
}

/** The user the tests' browser runs as. */
export const BROWSER_UID = asRoot ? NOBODY : (process.getuid?.() ?? -1);
