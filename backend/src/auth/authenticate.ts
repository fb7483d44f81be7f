// Who is calling: the access token in `Authorization: Bearer`, checked on every /v1 route that
// needs a user. Handlers read the caller with `caller(req)` and scope every query to it.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../http/errors.ts';
import { addLogContext } from '../logger.ts';
import type { AccessClaims, AccessTokens } from './access-tokens.ts';

declare global {
  namespace Express {
    interface Request {
      auth?: AccessClaims;
    }
  }
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

export function authenticate(tokens: AccessTokens) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    if (!token)
      throw new AppError('unauthenticated', 'Sign in first: send the access token as "Authorization: Bearer <token>".');
    req.auth = await tokens.verify(token);
    addLogContext({ userId: req.auth.userId });
    next();
  };
}

export function caller(req: Request): AccessClaims {
  if (!req.auth) throw new AppError('unauthenticated', 'Sign in first.');
  return req.auth;
}

export function requireOperator(req: Request, _res: Response, next: NextFunction) {
  if (caller(req).role !== 'operator') throw new AppError('forbidden', 'This page is for operators only.');
  next();
}
