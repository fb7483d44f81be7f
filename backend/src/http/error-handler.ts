// Renders every failure as `{ error: { code, message, details? } }`. Unknown errors are logged
// with their stack and answered with a generic 500: no stack trace ever leaves the server.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.ts';
import { AppError } from './errors.ts';

/** What body-parser (http-errors) attaches to a body it could not read. */
interface BodyParserError {
  type?: string;
  message?: string;
  status?: number;
  expose?: boolean;
  encoding?: string;
}

export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const body = err as BodyParserError | null;
  switch (body?.type) {
    case 'entity.parse.failed':
      return new AppError('malformed_json', `The request body is not valid JSON (${body.message}).`);
    case 'entity.too.large':
      return new AppError('payload_too_large', 'The request body is too large.');
    case 'encoding.unsupported':
      return new AppError(
        'validation_failed',
        `Content-Encoding "${body.encoding ?? ''}" is not supported: send the body uncompressed, or as gzip, deflate or br.`,
      );
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'Send the body as UTF-8 JSON.');
  }
  // Any other body the client sent that could not be read (gzip that is not gzip, a body shorter
  // than its Content-Length): the client's to fix, never ours.
  if (body?.expose && typeof body.status === 'number' && body.status >= 400 && body.status < 500) {
    return new AppError(
      'validation_failed',
      `The request body could not be read (${body.message}): check that it matches its Content-Encoding and Content-Length.`,
    );
  }
  return null;
}

export function errorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = toAppError(err);
    if (known) {
      res.status(known.status).json(known.toBody());
      return;
    }
    log.error({ err }, 'unhandled error');
    const internal = new AppError(
      'internal',
      'Something went wrong on our side. It has been logged; please try again.',
    );
    res.status(internal.status).json(internal.toBody());
  };
}

export function notFoundHandler(req: Request) {
  throw new AppError('not_found', `No such endpoint: ${req.method} ${req.baseUrl}${req.path}. See docs/api.md.`);
}
