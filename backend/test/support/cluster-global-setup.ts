// Global setup of `npm run test:cluster`: one Redis Cluster for the run, named to every test
// process through REDIS_CLUSTER_NODES (support/backend.ts passes it to the nodes it starts).
import { TestRedisCluster } from './redis-cluster.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const cluster = await TestRedisCluster.start({ masters: 3, replicasPerMaster: 1 });
  process.env.REDIS_CLUSTER_NODES = cluster.seeds;
  return () => cluster.stop();
}
