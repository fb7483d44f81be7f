// Starts one of the project's entry points in a process of its own, as a user or operator would:
// a TypeScript source through tsx, a built .js file with plain node. Resolves once a line of its
// output says it is ready.
import { type ChildProcess, spawn } from 'node:child_process';

export interface EntryProcess {
  child: ChildProcess;
  /** The line that said it was ready. */
  readyLine: string;
  /** Every line it wrote to stdout and stderr so far. */
  output: string[];
  /** Its exit code once it ends. */
  exited: Promise<number | null>;
  /** SIGKILL, and wait for it to end. */
  kill(): Promise<void>;
}

export async function startEntryProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  isReady: (line: string) => boolean,
): Promise<EntryProcess> {
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output: string[] = [];
  const readyLine = await new Promise<string>((resolve, reject) => {
    let pending = '';
    const read = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      output.push(...lines);
      const ready = lines.find(isReady);
      if (ready !== undefined) resolve(ready);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) =>
      reject(new Error(`${script} exited (${code}) before it was ready:\n${output.join('\n')}`)),
    );
  });
  return {
    child,
    readyLine,
    output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
