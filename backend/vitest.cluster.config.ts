import { defineProject } from 'vitest/config';

// `npm run test:cluster`: the delivery suite against a Redis Cluster of its own (three masters,
// three replicas on loopback, started by test/support/cluster-global-setup.ts). The recovery and
// fault-injection suites, which flush, kill and restart a Redis of their own, start a Cluster of
// their own here (test/support/own-redis.ts); redis-cluster.test.ts (in `npm test` too) covers
// failover, a shard's data loss and an entry lost on its own.
export default defineProject({
  test: {
    name: 'backend-cluster',
    root: new URL('.', import.meta.url).pathname,
    include: ['test/delivery/*.test.ts'],
    globalSetup: ['test/support/cluster-global-setup.ts'],
    // One file at a time: a loaded machine running several against one cluster misses timing-bound polls.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
