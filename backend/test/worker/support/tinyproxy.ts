// Real HTTP proxies on loopback for the worker's tests: Debian's tinyproxy, one process per proxy
// on a free port, each with its own generated config and Via name, so the practice ATS's request
// log shows which proxy every request came through. A test may stop one (it then refuses
// connections) and start it again on the same port.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class TinyProxy {
  private process: ChildProcess | null = null;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(name: string): Promise<TinyProxy> {
    const dir = await mkdtemp(join(tmpdir(), `tinyproxy-${name}-`));
    const proxy = new TinyProxy(name, await freePort(), dir);
    await writeFile(
      join(dir, 'tinyproxy.conf'),
      [
        `Port ${proxy.port}`,
        'Listen 127.0.0.1',
        'Timeout 30',
        'MaxClients 50',
        'LogLevel Critical',
        `ViaProxyName "${name}"`,
        'Allow 127.0.0.1',
      ].join('\n'),
    );
    await proxy.up();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The Via header the practice ATS records for requests through this proxy. */
  get via(): string {
    return `1.1 ${this.name} (tinyproxy`;
  }

  async up(): Promise<void> {
    const child = spawn('tinyproxy', ['-d', '-c', join(this.dir, 'tinyproxy.conf')], { stdio: 'ignore' });
    this.process = child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`tinyproxy ${this.name} exited with ${child.exitCode}`);
      if (await accepts(this.port)) return;
      await delay(20);
    }
    throw new Error(`tinyproxy ${this.name} did not listen on ${this.port}`);
  }

  /** Stops the proxy: from now on its port refuses connections. */
  async down(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async close(): Promise<void> {
    await this.down();
    await rm(this.dir, { recursive: true, force: true });
  }
}

export async function startProxies(names: string[]): Promise<TinyProxy[]> {
  return Promise.all(names.map((name) => TinyProxy.start(name)));
}
