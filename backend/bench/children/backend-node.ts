// A backend node in its own process, started exactly as `npm start` starts one (`startNode` with
// the configuration read from the environment), so the bench can read its memory and keep load
// generators and devices out of its event loop. Run with `--expose-gc`: memory is read after a
// full collection, so the figure is what the node keeps, not what it has not freed yet.
import { loadConfig } from '../../src/config.ts';
import { startNode } from '../../src/node.ts';
import { serveParent } from '../support/child-script.ts';

export type BackendRequest = { type: 'memory' } | { type: 'cpu' } | { type: 'stop' };
export interface BackendReady {
  url: string;
}
export interface BackendMemory {
  rss: number;
  heapUsed: number;
}
export interface BackendCpu {
  /** CPU time the node process has used so far, user plus system, microseconds. */
  micros: number;
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('backend-node: set DATABASE_URL to the bench database');
const node = await startNode(loadConfig(), databaseUrl);

serveParent<BackendRequest>({ url: node.url } satisfies BackendReady, async (request) => {
  if (request.type === 'stop') {
    await node.stop();
    return {};
  }
  if (request.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    return { micros: user + system } satisfies BackendCpu;
  }
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed } satisfies BackendMemory;
});
