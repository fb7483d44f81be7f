// A log of every request the practice ATS served, so proxy tests can see which proxy (Via header)
// and which address each request came from.
import type { RequestHandler } from 'express';

export interface LoggedRequest {
  method: string;
  path: string;
  time: string;
  remoteAddress: string;
  via: string | null;
  userAgent: string | null;
}

/** Oldest entries are dropped past this many, so a long demo run cannot grow without bound. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  middleware(): RequestHandler {
    return (req, _res, next) => {
      this.#entries.push({
        method: req.method,
        path: req.originalUrl,
        time: new Date().toISOString(),
        remoteAddress: req.socket.remoteAddress ?? '',
        via: req.get('via') ?? null,
        userAgent: req.get('user-agent') ?? null,
      });
      if (this.#entries.length > MAX_ENTRIES) this.#entries.shift();
      next();
    };
  }

  list(): LoggedRequest[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
