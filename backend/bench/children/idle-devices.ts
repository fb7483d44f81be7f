// Thousands of idle devices, in their own process: each opens a WebSocket to the gateway, says
// hello with its own device token, and waits for `welcome` and then the `pong` to a ping (the
// gateway handles a connection's messages in order, so the pong means its session is fully set
// up). Then they sit there, answering the gateway's pings, until told to close.
import type { ExecutorMessage } from '@jobswipe/protocol/device';
import { WebSocket } from 'ws';
import { wsUrl } from '../../test/support/devices.ts';
import { serveParent } from '../support/child-script.ts';

export interface OpenIdleDevices {
  type: 'open';
  url: string;
  tokens: string[];
  /** Connections being set up at once. */
  concurrency: number;
}

export interface IdleDevicesReady {
  /** This process's open-files limit (each socket takes one). */
  openFilesLimit: string;
}

export interface IdleDevicesOpened {
  opened: number;
  failed: number;
  firstError: string | null;
}

const sockets: WebSocket[] = [];

function connect(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(url, '/v1/devices/connect'));
    const send = (message: ExecutorMessage) => ws.send(JSON.stringify(message));
    ws.once('open', () => send({ type: 'hello', token, kind: 'desktop', version: 'bench', capacity: 1, held: [] }));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; message?: string };
      if (message.type === 'welcome') send({ type: 'ping', at: Date.now() });
      else if (message.type === 'pong') resolve(ws);
      else if (message.type === 'error') reject(new Error(`gateway refused a device: ${message.message}`));
    });
    ws.once('error', reject);
    ws.once('close', (code, reason) => reject(new Error(`gateway closed a device: ${code} ${reason}`)));
  });
}

async function closeAll(): Promise<void> {
  await Promise.all(
    sockets.splice(0).map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close(1000, 'bench done');
        }),
    ),
  );
}

const ready: IdleDevicesReady = { openFilesLimit: process.env.OPEN_FILES_LIMIT ?? 'unknown' };

serveParent<OpenIdleDevices | { type: 'stop' }>(ready, async (request) => {
  if (request.type === 'stop') {
    await closeAll();
    return {};
  }
  let failed = 0;
  let firstError: string | null = null;
  const queue = [...request.tokens];
  const worker = async () => {
    for (let token = queue.pop(); token; token = queue.pop()) {
      try {
        sockets.push(await connect(request.url, token));
      } catch (err) {
        failed += 1;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: request.concurrency }, worker));
  return { opened: sockets.length, failed, firstError } satisfies IdleDevicesOpened;
});
