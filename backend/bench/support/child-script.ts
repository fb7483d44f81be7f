// A bench script run in its own Node process, so what it does (load generation, thousands of
// sockets, the backend itself) neither shares an event loop with nor distorts the process it
// measures. Parent and child talk over Node's IPC channel: the child sends one message when it is
// ready, then one reply per request, in order.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildOptions {
  env?: Record<string, string>;
  /**
   * Open files the child needs (one per socket): its soft limit is raised to this first. The child
   * finds the limit it got in OPEN_FILES_LIMIT.
   */
  openFiles?: number;
  nodeArgs?: string[];
}

export class ChildScript {
  private readonly inbox: unknown[] = [];
  private readonly waiting: Array<{ resolve: (m: unknown) => void; reject: (e: Error) => void }> = [];
  private exitError: Error | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly proc: ChildProcess,
    readonly name: string,
  ) {
    proc.on('message', (message) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(message);
      else this.inbox.push(message);
    });
    this.exited = new Promise((resolve) => {
      proc.on('exit', (code, signal) => {
        this.exitError = new Error(`bench child ${name} exited (${signal ?? `code ${code}`}); see its output above`);
        for (const w of this.waiting.splice(0)) w.reject(this.exitError);
        resolve();
      });
    });
  }

  /** Starts `script` (a .ts file run with tsx) with the limits it needs. */
  static start(script: URL, options: ChildOptions = {}): ChildScript {
    const file = fileURLToPath(script);
    const need = options.openFiles ?? 0;
    // bash raises the soft limit first (or says why it cannot), then becomes the node process: same
    // pid, same IPC channel.
    const shell = [
      `soft=$(ulimit -Sn)`,
      `if [ "$soft" != unlimited ] && [ "$soft" -lt ${need} ]; then`,
      `  ulimit -Sn ${need} || { echo "bench: cannot raise open files to ${need} (hard limit $(ulimit -Hn)); raise it with ulimit -Hn or in limits.conf" >&2; exit 1; }`,
      'fi',
      'export OPEN_FILES_LIMIT="$(ulimit -Sn)"',
      'exec "$0" "$@"',
    ].join('\n');
    const proc = spawn('bash', ['-c', shell, process.execPath, ...(options.nodeArgs ?? []), '--import', 'tsx', file], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...options.env },
    });
    return new ChildScript(proc, file.split('/').pop() ?? file);
  }

  /** The child's next message (its ready message, or the reply to a request). */
  next<T>(): Promise<T> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued as T);
    if (this.exitError) return Promise.reject(this.exitError);
    return new Promise((resolve, reject) => this.waiting.push({ resolve: (m) => resolve(m as T), reject }));
  }

  request<T>(message: object): Promise<T> {
    if (this.exitError) return Promise.reject(this.exitError);
    this.proc.send(message);
    return this.next<T>();
  }

  /** Asks the child to finish (its `stop` request), then waits for it to exit; kills it if it hangs. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.exitError) return;
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    await this.request({ type: 'stop' }).catch(() => {});
    await this.exited;
    clearTimeout(killer);
  }
}

/** The child's side: says it is ready, then answers each request with `handle`'s reply. */
export function serveParent<Req extends { type: string }>(
  ready: object,
  handle: (request: Req) => Promise<object>,
): void {
  let queue = Promise.resolve();
  process.on('message', (request: Req) => {
    queue = queue.then(async () => {
      try {
        const reply = await handle(request);
        // After `stop` the child exits once its reply is out, whatever handles are still open.
        process.send?.(reply, undefined, {}, () => (request.type === 'stop' ? process.exit(0) : undefined));
      } catch (err) {
        console.error(err);
        process.exit(1);
      }
    });
  });
  process.send?.(ready);
}
