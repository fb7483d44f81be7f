// Right-swipes over HTTP, in their own process so the load generator does not share the backend's
// event loop. Every request is a new swipe (the next user and job, a fresh idempotency key), sent
// over keep-alive connections as a browser does; success is 201 with a new application.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { serveParent } from '../support/child-script.ts';
import { type LoadResult, type LoadShape, runShape } from '../support/load-shapes.ts';
import { SwipePairs } from '../support/swipe-pairs.ts';

export interface SwipeLoadSetup {
  type: 'setup';
  url: string;
  /** Access tokens of the users swiping. */
  tokens: string[];
  jobIds: string[];
}

export interface SwipeLoadRun {
  type: 'run';
  shape: LoadShape;
}

export type SwipeLoadResult = LoadResult & {
  statusCodes: Record<string, number>;
  /** CPU time of this load generator per request: what the client side costs the shared machine. */
  clientCpuMsPerSwipe: number;
};

let swipe: (() => Promise<number>) | null = null;

function swipeOver(url: URL, pairs: SwipePairs<string>): () => Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return () =>
    new Promise((resolve) => {
      const { user, jobId } = pairs.take();
      const body = JSON.stringify({ jobId, direction: 'right', idempotencyKey: randomUUID() });
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            // As a browser's fetch asks: the node negotiates compression as it would for one.
            'accept-encoding': 'gzip, deflate, br',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${user}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
}

serveParent<SwipeLoadSetup | SwipeLoadRun | { type: 'stop' }>({ ready: true }, async (message) => {
  if (message.type === 'stop') return {};
  if (message.type === 'setup') {
    swipe = swipeOver(new URL('/v1/swipes', message.url), new SwipePairs(message.tokens, message.jobIds));
    return {};
  }
  const send = swipe;
  if (!send) throw new Error('swipe-load: run before setup');
  const statusCodes: Record<string, number> = {};
  const cpuBefore = process.cpuUsage();
  const result = await runShape(message.shape, async () => {
    const status = await send();
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    return status === 201;
  });
  const cpu = process.cpuUsage(cpuBefore);
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const clientCpuMsPerSwipe = Math.round(((cpu.user + cpu.system) / 1000 / requests) * 1000) / 1000;
  return { ...result, statusCodes, clientCpuMsPerSwipe } satisfies SwipeLoadResult;
});
