// Structured JSON logs. Every line written while handling a request or a piece of work carries
// that work's ids (request id, correlation id from swipe to submission) without passing them around.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

export type Logger = pino.Logger;

export interface LogContext {
  requestId?: string;
  correlationId?: string;
  userId?: string;
  applicationId?: string;
}

const context = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with these ids added to every log line written inside it (nested scopes merge). */
export function withLogContext<T>(ids: LogContext, fn: () => T): T {
  return context.run({ ...context.getStore(), ...ids }, fn);
}

/** Adds ids to the current scope (e.g. once the request's user is known). */
export function addLogContext(ids: LogContext): void {
  const store = context.getStore();
  if (store) Object.assign(store, ids);
}

export function createLogger(level: string, name = 'backend'): Logger {
  return pino({
    name,
    level,
    mixin: () => ({ ...context.getStore() }),
    // Secrets must never reach a log line, whatever object gets logged.
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'accessToken',
        '*.accessToken',
        'refreshToken',
        '*.refreshToken',
        'deviceToken',
        '*.deviceToken',
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}
