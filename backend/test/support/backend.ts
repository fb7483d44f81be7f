// Real backend nodes for a test file: their own fresh database, data directory and Redis key
// prefix, listening on free ports. A cluster is several nodes sharing all three, as behind a
// load balancer. With REDIS_CLUSTER_NODES in the environment (`npm run test:cluster`), the nodes
// use that Redis Cluster unless the test names a Redis of its own.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@jobswipe/db/testing';
import { loadConfig } from '../../src/config.ts';
import { type BackendNode, startNode } from '../../src/node.ts';
import { Api } from './api.ts';

export interface TestBackend {
  node: BackendNode;
  db: TestDatabase;
  api: Api;
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface TestCluster {
  nodes: BackendNode[];
  apis: Api[];
  db: TestDatabase;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startTestCluster(size: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const db = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'jobswipe-test-'));
  const fullEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
    // The practice ATS and test proxies listen on loopback: the server worker may reach them there.
    EGRESS_ALLOW: '127.0.0.1',
    // Tests about delivery want a right-swipe offered at once; tests of the undo grace period (and
    // of anything that waits on it) set it themselves.
    UNDO_GRACE_MS: '0',
    ...(process.env.REDIS_CLUSTER_NODES && !env.REDIS_URL
      ? { REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES }
      : {}),
    ...env,
  };
  const nodes: BackendNode[] = [];
  for (let i = 0; i < size; i++) nodes.push(await startNode(loadConfig(fullEnv), db.url));
  return {
    nodes,
    apis: nodes.map((n) => new Api(n.url)),
    db,
    env: fullEnv,
    async close() {
      for (const node of nodes) await node.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestBackend(env: Record<string, string> = {}): Promise<TestBackend> {
  const cluster = await startTestCluster(1, env);
  const node = cluster.nodes[0] as BackendNode;
  return { node, db: cluster.db, api: cluster.apis[0] as Api, env: cluster.env, close: cluster.close };
}
