import { defineProject } from 'vitest/config';

// `npm run test:cluster`: the delivery suite against a Redis Cluster of its own (three masters,
// three replicas on loopback, started by test/support/cluster-global-setup.ts). The tests that
// flush or kill a single Redis of their own (recovery, fault injection) test that Redis and stay
// out; redis-cluster.test.ts (in `npm test` too) covers failover and a shard's data loss.
export default defineProject({
  test: {
    name: 'backend-cluster',
    root: new URL('.', import.meta.url).pathname,
    include: ['test/delivery/*.test.ts'],
    exclude: ['test/delivery/recovery.test.ts', 'test/delivery/fault-injection.test.ts'],
    globalSetup: ['test/support/cluster-global-setup.ts'],
    // One file at a time: a loaded machine running several against one cluster misses timing-bound polls.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
