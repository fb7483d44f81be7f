// The agent as a user runs it: `npm run agent -- ...` in a child process of its own process group
// (so a kill reaches npm, tsx and the agent alike), with its own agent dir and no display. Its
// JSON log lines are collected for the test to wait on.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LogRecord } from '../../src/agent/log.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface AgentExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function agentEnv(agentDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...rest } = process.env;
  return { ...rest, JOBSWIPE_AGENT_DIR: agentDir, ...env };
}

export class AgentProcess {
  readonly logs: LogRecord[] = [];
  /** Every line it wrote, in order. */
  readonly lines: string[] = [];
  readonly exited: Promise<AgentExit>;
  private readonly child: ChildProcess;

  constructor(agentDir: string, args: string[] = [], env: Record<string, string> = {}) {
    this.child = spawn('npm', ['run', '--silent', 'agent', '--', ...args], {
      cwd: ROOT,
      env: agentEnv(agentDir, env),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) this.take(line);
      });
    }
  }

  private take(line: string): void {
    if (line.trim()) this.lines.push(line);
    try {
      const record = JSON.parse(line) as LogRecord;
      if (record && typeof record.msg === 'string') {
        this.logs.push(record);
      }
    } catch {
      // Not a log record: npm's lines, or a message for a person.
    }
  }

  /** Log records with this message (and these fields, when given). */
  logged(msg: string, fields: Record<string, unknown> = {}): LogRecord[] {
    return this.logs.filter((r) => r.msg === msg && Object.entries(fields).every(([k, v]) => r[k] === v));
  }

  /** Everything it printed, for a failing test's message. */
  get transcript(): string {
    return this.lines.join('\n');
  }

  /** Signals the agent itself, as a service manager or the desktop app would. */
  signalAgent(signal: NodeJS.Signals): void {
    const pid = this.logged('agent starting')[0]?.pid;
    if (typeof pid !== 'number') throw new Error(`the agent has not started yet:\n${this.transcript}`);
    process.kill(pid, signal);
  }

  /** Kills npm, tsx and the agent at once, as a crash or a power cut would; synchronous. */
  killNow(): void {
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, 'SIGKILL');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }

  async kill(): Promise<AgentExit> {
    this.killNow();
    return this.exited;
  }
}

/** Runs a one-shot command (`pair`, `pause`, …) to its end. */
export async function runAgentCommand(
  agentDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string; agent: AgentProcess }> {
  const agent = new AgentProcess(agentDir, args, env);
  const { code } = await agent.exited;
  return { code, output: agent.transcript, agent };
}
