// A Redis of the test's own that it may flush, kill and restart: one redis-server, or under
// `npm run test:cluster` (REDIS_CLUSTER_NODES set by its global setup) a Redis Cluster of its own,
// three masters and three replicas, so the recovery and fault-injection suites run on either.
import { TestRedisCluster } from './redis-cluster.ts';
import { TestRedis } from './redis-server.ts';

export interface OwnRedis {
  /** The backend's settings that point at it (REDIS_URL or REDIS_CLUSTER_NODES). */
  readonly env: Record<string, string>;
  /** Empties it (every shard), writing `set` in the same step on each. */
  flushAll(set?: Record<string, string>): Promise<void>;
  /** Kills it (every node): nothing is saved. */
  down(): Promise<void>;
  /** Starts it again, empty. */
  up(): Promise<void>;
  /** Stops every node answering (SIGSTOP): connections stay open, commands get no reply. */
  pause(): Promise<void>;
  /** Lets it answer again (SIGCONT), once it serves every slot. */
  resume(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  return process.env.REDIS_CLUSTER_NODES
    ? TestRedisCluster.start({ masters: 3, replicasPerMaster: 1 })
    : TestRedis.start();
}
