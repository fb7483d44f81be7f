// Renders every failure as `{ error: { code, message, details? } }`. Unknown errors are logged
// with their stack and answered with a generic 500: no stack trace ever leaves the server.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.ts';
import { AppError } from './errors.ts';

interface BodyParserError {
  type?: string;
  message?: string;
}

export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const type = (err as BodyParserError)?.type;
  if (type === 'entity.parse.failed') {
    return new AppError('malformed_json', `The request body is not valid JSON (${(err as BodyParserError).message}).`);
  }
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('unsupported_media_type', 'Send the body as UTF-8 JSON.');
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
