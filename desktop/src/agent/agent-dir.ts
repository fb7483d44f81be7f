// Where the agent keeps its state: the device credentials, the leases it holds, the browser
// profile and the control socket, all under one directory (JOBSWIPE_AGENT_DIR, default
// ~/.jobswipe-agent) that only its owner can read.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface AgentPaths {
  dir: string;
  credentials: string;
  leases: string;
  /** The persistent browser profile: cookies and sign-ins stay between applications. */
  browserProfile: string;
  /** One folder per running application (its resume, its evidence), deleted when it ends. */
  work: string;
  /** Where `pause`, `resume` and `status` reach the running agent. */
  controlSocket: string;
}

/** Unix socket paths longer than this do not fit in `sun_path` on every platform. */
const MAX_SOCKET_PATH = 100;

export function agentPaths(env: NodeJS.ProcessEnv = process.env, platform = process.platform): AgentPaths {
  const dir = resolve(env.JOBSWIPE_AGENT_DIR || join(homedir(), '.jobswipe-agent'));
  return {
    dir,
    credentials: join(dir, 'device.json'),
    leases: join(dir, 'leases.json'),
    browserProfile: join(dir, 'browser-profile'),
    work: join(dir, 'applications'),
    controlSocket: controlSocketPath(dir, platform),
  };
}

function controlSocketPath(dir: string, platform: NodeJS.Platform): string {
  const id = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\jobswipe-agent-${id}`;
  const inDir = join(dir, 'agent.sock');
  return inDir.length <= MAX_SOCKET_PATH ? inDir : join(tmpdir(), `jobswipe-agent-${id}.sock`);
}

/** Creates the directory, readable by its owner only. */
export async function ensureAgentDir(paths: AgentPaths): Promise<void> {
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
}
