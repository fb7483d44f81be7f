// Keeping a WebSocket honest: a ping every PING_INTERVAL_MS (a protocol ping, and an application
// message where the client needs one: an MV3 service worker dies after 30 s without events), and a
// socket that stayed silent through a whole period is cut, so a dead peer does not hold a session.
import { PING_INTERVAL_MS } from '@jobswipe/protocol/device';
import type { WebSocket } from 'ws';

export function keepAlive(ws: WebSocket, appPing?: () => void): { heard(): void; stop(): void } {
  let alive = true;
  const heard = () => {
    alive = true;
  };
  const timer = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
    appPing?.();
  }, PING_INTERVAL_MS);
  ws.on('pong', heard);
  return { heard, stop: () => clearInterval(timer) };
}
