// Starts and kills backend nodes as child processes (see node-process.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./node-process.ts', import.meta.url));

export interface NodeProcess {
  url: string;
  child: ChildProcess;
  kill(): Promise<void>;
}

export async function spawnNode(env: Record<string, string>): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/ready (\S+)/);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`node process exited (${code}) before it was ready`)));
  });
  return {
    url,
    child,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
