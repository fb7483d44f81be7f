// Gives each request an id (kept from X-Request-Id when a proxy set one), runs the rest of the
// request inside a log scope carrying it, and writes one access-log line when the response ends.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { type Logger, withLogContext } from '../logger.ts';

const VALID_ID = /^[\w-]{8,100}$/;

export function requestContext(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = performance.now();
    withLogContext({ requestId }, () => {
      res.on('finish', () => {
        // The path only: query strings may carry tokens (WebSocket upgrades, signed links).
        log.info(
          { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) },
          'request',
        );
      });
      next();
    });
  };
}
