// A Redis Cluster of the test's own from Debian's redis-server on loopback: masters and replicas,
// each node on a free port with its own temporary directory, created with
// `redis-cli --cluster create`. A short cluster-node-timeout makes a replica take over a killed
// master within a couple of seconds. Nothing is persisted: a node that comes back is empty.
import { type ChildProcess, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { hashSlot } from '../../src/redis/keys.ts';
import { freePort, spawnRedis } from './redis-server.ts';

const run = promisify(execFile);

/**
 * flush-and-set: FLUSHALL, then SET each ARGV pair, atomically on one node. The keys span slots,
 * which a MULTI refuses in a cluster (CROSSSLOT); a script may, flagged so, on the node serving them.
 */
const FLUSH_AND_SET = `#!lua flags=allow-cross-slot-keys
redis.call('FLUSHALL')
for i = 1, #ARGV, 2 do redis.call('SET', ARGV[i], ARGV[i + 1]) end
return 1`;

/** A node others suspect (`fail?`) or agree (`fail`) is down. */
const down = (flags: string[]) => flags.includes('fail') || flags.includes('fail?');

interface ClusterNodeProcess {
  port: number;
  dir: string;
  process: ChildProcess | null;
}

export interface ClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /** cluster-node-timeout: how long a master may be unreachable before a replica takes over. */
  nodeTimeoutMs?: number;
}

export class TestRedisCluster {
  private constructor(
    private readonly nodes: ClusterNodeProcess[],
    private readonly masterCount: number,
    private readonly nodeTimeoutMs: number,
  ) {}

  static async start(options: ClusterOptions = {}): Promise<TestRedisCluster> {
    const masters = options.masters ?? 3;
    const replicas = options.replicasPerMaster ?? 1;
    const nodes: ClusterNodeProcess[] = [];
    for (let i = 0; i < masters * (1 + replicas); i++) {
      nodes.push({
        port: await freePort(),
        dir: await mkdtemp(join(tmpdir(), 'jobswipe-redis-cluster-')),
        process: null,
      });
    }
    const cluster = new TestRedisCluster(nodes, masters, options.nodeTimeoutMs ?? 1_000);
    try {
      await Promise.all(nodes.map((node) => cluster.startNode(node, cluster.nodeTimeoutMs)));
      await run('redis-cli', [
        '--cluster',
        'create',
        ...nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        String(replicas),
        '--cluster-yes',
      ]);
      await cluster.waitUntilOk();
      await cluster.waitForReplicas();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** The value of REDIS_CLUSTER_NODES: every node (a client needs only one that answers). */
  get seeds(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  /** The backend's setting that points at it. */
  get env(): Record<string, string> {
    return { REDIS_CLUSTER_NODES: this.seeds };
  }

  /** Ports of the nodes that are live masters now. */
  async masters(): Promise<number[]> {
    const lines = await this.clusterNodes();
    return lines.filter((l) => l.flags.includes('master') && !down(l.flags)).map((l) => l.port);
  }

  /** The port of the live master serving a slot now. */
  async masterOf(slot: number): Promise<number | undefined> {
    const lines = await this.clusterNodes();
    return lines.find(
      (l) => l.flags.includes('master') && !down(l.flags) && l.slots.some(([a, b]) => slot >= a && slot <= b),
    )?.port;
  }

  /** Kills a master (SIGKILL: nothing saved, no goodbye); its replica takes over. */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port);
    const proc = node?.process;
    if (!node || !proc) return;
    node.process = null;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  }

  /**
   * Empties every shard, as a FLUSHALL does on one Redis: each master in one script that also
   * writes those of `set` its slots hold (so no reader sees a shard empty without them).
   */
  async flushAll(set: Record<string, string> = {}): Promise<void> {
    const masters = (await this.clusterNodes()).filter((l) => l.flags.includes('master') && !down(l.flags));
    await Promise.all(
      masters.map(async (master) => {
        const mine = Object.entries(set).filter(([key]) => {
          const slot = hashSlot(key);
          return master.slots.some(([a, b]) => slot >= a && slot <= b);
        });
        const client = new Redis(master.port, '127.0.0.1');
        try {
          await client.eval(FLUSH_AND_SET, 0, ...mine.flat());
        } finally {
          client.disconnect();
        }
      }),
    );
  }

  /** Kills every node (SIGKILL: nothing saved), as a one-Redis restart without persistence. */
  async down(): Promise<void> {
    for (const node of this.nodes) await this.kill(node.port);
  }

  async pause(): Promise<void> {
    for (const node of this.nodes) node.process?.kill('SIGSTOP');
  }

  async resume(): Promise<void> {
    for (const node of this.nodes) node.process?.kill('SIGCONT');
    await this.waitUntilOk();
  }

  /**
   * Starts every node again, empty; each reads its nodes.conf (its part in the cluster), so the
   * cluster comes back with the same slots. Resolves once every slot is served and replicas synced.
   */
  async up(): Promise<void> {
    await Promise.all(this.nodes.filter((n) => !n.process).map((n) => this.startNode(n, this.nodeTimeoutMs)));
    await this.waitUntilOk();
    await this.waitForReplicas();
  }

  /** Empties one node only (the other shards keep their data), as a master that came back empty. */
  async flushNode(port: number): Promise<void> {
    const client = new Redis(port, '127.0.0.1');
    await client.flushall();
    client.disconnect();
  }

  /** Resolves once a replica has taken over from the killed master `port` and every slot is served. */
  async waitForFailover(port: number, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    // cluster_state stays ok until the nodes agree the master failed: wait for the new master first.
    for (;;) {
      const masters = await this.masters();
      if (!masters.includes(port) && masters.length >= this.masterCount) break;
      if (Date.now() > until) throw new Error(`no replica took over from the master on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.waitUntilOk(Math.max(1_000, until - Date.now()));
  }

  /**
   * Resolves once every replica has finished its first sync: a replica still syncing when its master
   * dies is not elected, and the test would wait for a failover that never comes.
   */
  waitForReplicas(timeoutMs = 20_000): Promise<void> {
    return this.untilEveryNode(
      async (client) => {
        const info = await client.info('replication');
        return !/role:slave/.test(info) || /master_link_status:up/.test(info);
      },
      timeoutMs,
      'the replicas did not finish their first sync',
    );
  }

  /** Resolves once every slot is served by a live master again (after a failover). */
  waitUntilOk(timeoutMs = 20_000): Promise<void> {
    return this.untilEveryNode(
      async (client) => /cluster_state:ok/.test((await client.cluster('INFO')) as string),
      timeoutMs,
      'the Redis Cluster did not reach cluster_state:ok',
    );
  }

  /** Polls every live node until `check` holds on all of them, or throws `failure` after `timeoutMs`. */
  private async untilEveryNode(
    check: (client: Redis) => Promise<boolean>,
    timeoutMs: number,
    failure: string,
  ): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(
        this.nodes
          .filter((n) => n.process)
          .map(async (n) => {
            const client = new Redis(n.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
            client.on('error', () => {});
            try {
              return await check(client);
            } catch {
              return false;
            } finally {
              client.disconnect();
            }
          }),
      );
      if (states.every(Boolean)) return;
      if (Date.now() > until) throw new Error(failure);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) {
      await this.kill(node.port);
      await rm(node.dir, { recursive: true, force: true });
    }
  }

  private async clusterNodes(): Promise<{ port: number; flags: string[]; slots: [number, number][] }[]> {
    const live = this.nodes.find((n) => n.process);
    if (!live) return [];
    const client = new Redis(live.port, '127.0.0.1');
    try {
      const text = (await client.cluster('NODES')) as string;
      return text
        .trim()
        .split('\n')
        .map((line) => {
          // <id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slot or range>...
          const [, address = '', flags = '', , , , , , ...ranges] = line.split(' ');
          const slots = ranges
            .filter((r) => /^\d+(-\d+)?$/.test(r))
            .map((r): [number, number] => {
              const [from, to = from] = r.split('-').map(Number) as [number, number?];
              return [from, to];
            });
          return { port: Number(address.split('@')[0]?.split(':')[1]), flags: flags.split(','), slots };
        });
    } finally {
      client.disconnect();
    }
  }

  private async startNode(node: ClusterNodeProcess, nodeTimeoutMs: number): Promise<void> {
    node.process = await spawnRedis(node.port, [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      String(nodeTimeoutMs),
      // A replica takes over however long its link was down: on a busy machine a heartbeat can
      // come late, and a refused election would stall the test rather than prove anything.
      '--cluster-replica-validity-factor',
      '0',
      '--dir',
      node.dir,
    ]);
  }
}
