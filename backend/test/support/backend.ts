// A real backend node for a test file: its own fresh database, data directory and Redis key
// prefix, listening on a free port.
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

export async function startTestBackend(env: Record<string, string> = {}): Promise<TestBackend> {
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
    ...env,
  };
  const node = await startNode(loadConfig(fullEnv), db.url);
  return {
    node,
    db,
    api: new Api(node.url),
    env: fullEnv,
    async close() {
      await node.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
