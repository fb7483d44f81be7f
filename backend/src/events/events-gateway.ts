// `/v1/events`: live status of the caller's applications for the web. The first frame carries the
// access token (browsers cannot set headers on a WebSocket); after `ready`, every status change
// and progress report of the user's applications arrives, from whichever node made it.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@jobswipe/protocol';
import { EventsClientMessage, type EventsServerMessage } from '@jobswipe/protocol/events';
import { type WebSocket, WebSocketServer } from 'ws';
import type { AppContext } from '../context.ts';
import { parseFrame } from '../gateway/frames.ts';
import { keepAlive } from '../gateway/keep-alive.ts';
import { AppError } from '../http/errors.ts';

const AUTH_TIMEOUT_MS = 10_000;

export class EventsGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });

  constructor(private readonly ctx: AppContext) {}

  start(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== '/v1/events') return;
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  stop(): void {
    for (const ws of this.wss.clients) ws.close(1001, 'server shutting down');
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    let unlisten: (() => void) | null = null;
    let userId: string | null = null;
    let expiryTimer: NodeJS.Timeout | undefined;
    const send = (event: EventsServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
    };
    const authTimer = setTimeout(() => ws.close(4001, 'authenticate first'), AUTH_TIMEOUT_MS);
    const liveness = keepAlive(ws);
    const end = (code: ErrorCode, message: string, reason: string) => {
      send({ type: 'error', code, message });
      ws.close(4003, reason);
    };

    ws.on('message', async (data, isBinary) => {
      liveness.heard();
      const frame = parseFrame(EventsClientMessage, data, isBinary);
      if (!frame.ok) return send({ type: 'error', code: frame.code, message: frame.message });
      const message = frame.value;
      if (message.type === 'ping')
        return send({ type: 'pong', ...(message.at === undefined ? {} : { at: message.at }) });
      try {
        const claims = await this.ctx.tokens.verify(message.token);
        // A fresh token for the same user keeps the socket open past the old one's expiry.
        if (userId && claims.userId !== userId)
          return end('forbidden', 'This socket belongs to another user.', 'forbidden');
        clearTimeout(authTimer);
        clearTimeout(expiryTimer);
        expiryTimer = setTimeout(
          () => end('token_expired', 'The access token has expired: connect again with a fresh one.', 'token expired'),
          Math.max(0, claims.expiresAt.getTime() - Date.now()),
        );
        unlisten?.();
        unlisten = this.ctx.events.listen(claims.userId, {
          sessionId: claims.sessionId,
          send,
          ended: () => end('unauthenticated', 'You signed out.', 'signed out'),
        });
        if (!userId) send({ type: 'ready', userId: claims.userId });
        userId = claims.userId;
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError('unauthenticated', 'Invalid access token.');
        end(e.code, e.message, 'unauthenticated');
      }
    });
    ws.on('close', () => {
      clearTimeout(authTimer);
      clearTimeout(expiryTimer);
      liveness.stop();
      unlisten?.();
    });
    ws.on('error', () => ws.terminate());
  }
}
