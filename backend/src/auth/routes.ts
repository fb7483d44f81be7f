// POST /v1/auth/signup, /signup/confirm, /login, /refresh, /logout, /password/forgot, /password/reset.
import {
  type AuthResponse,
  ForgotPasswordBody,
  LoginBody,
  RefreshBody,
  ResetPasswordBody,
  SignupBody,
  SignupConfirmBody,
} from '@jobswipe/protocol';
import { type CookieOptions, type Request, type Response, Router } from 'express';
import { audit } from '../audit/audit-log.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { createMailer } from '../mail/mailer.ts';
import { toUserView } from '../users/user-view.ts';
import { checkNewPassword } from './password-policy.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import { RefreshTokenReused } from './refresh-sessions.ts';
import { confirmSignup, requestSignup } from './signup-by-mail.ts';

const REFRESH_COOKIE = 'js_refresh';
/**
 * Set and cleared with the refresh cookie, readable by the page and holding no secret: it tells
 * the web app a session may exist, so a signed-out visitor's page does not ask for a refresh it
 * would be refused (and the browser would log as an error).
 */
export const SESSION_HINT_COOKIE = 'js_session';

function origin(req: Request) {
  return { ip: req.ip, userAgent: req.get('user-agent') };
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const limit = ctx.rateLimiter.perMinute('auth', ctx.config.AUTH_RATE_LIMIT);
  // Beside the per-address limit: guessing one account's password from many addresses is slowed too.
  const perAccount = ctx.rateLimiter.perMinute('auth-account', ctx.config.AUTH_RATE_LIMIT, (req) =>
    typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '(none)',
  );
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.publicUrl.startsWith('https:'),
    path: '/v1/auth',
    maxAge: ctx.config.REFRESH_TOKEN_TTL_S * 1000,
  };
  const hint: CookieOptions = { ...cookie, httpOnly: false, path: '/' };
  const forget = (res: Response) => {
    res.clearCookie(REFRESH_COOKIE, { ...cookie, maxAge: undefined });
    res.clearCookie(SESSION_HINT_COOKIE, { ...hint, maxAge: undefined });
  };

  async function respond(res: Response, userId: string, session: { token: string; familyId: string }, status = 200) {
    const refreshToken = session.token;
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const access = await ctx.tokens.issue({ userId: user.id, role: user.role, sessionId: session.familyId });
    res.cookie(REFRESH_COOKIE, refreshToken, cookie);
    res.cookie(SESSION_HINT_COOKIE, '1', hint);
    const body: AuthResponse = {
      user: toUserView(user),
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken,
    };
    res.status(status).json(body);
  }

  const mailer = createMailer(ctx.config);

  router.post('/signup', limit, async (req, res) => {
    const body = parse(SignupBody, req.body, 'body');
    checkNewPassword(body.password, body.email);
    const passwordHash = await hashPassword(body.password);
    if (mailer) {
      // The same answer whether or not the address has an account: the mail tells its owner which.
      await requestSignup(ctx.db, mailer, ctx.config.publicUrl, { email: body.email, passwordHash }, origin(req));
      res.status(202).json({ sent: true });
      return;
    }
    const user = await ctx.db.prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: body.email } })) {
        throw new AppError('conflict', 'An account with this email already exists. Sign in instead.');
      }
      const created = await tx.user.create({
        data: { email: body.email, passwordHash, profile: { create: { email: body.email } } },
      });
      await audit(tx, { userId: created.id, action: 'signup', ...origin(req) });
      return created;
    });
    await respond(res, user.id, await ctx.sessions.start(user.id, origin(req)), 201);
  });

  router.post('/signup/confirm', limit, async (req, res) => {
    const { token } = parse(SignupConfirmBody, req.body, 'body');
    const userId = await confirmSignup(ctx.db, token, origin(req));
    await respond(res, userId, await ctx.sessions.start(userId, origin(req)), 201);
  });

  router.post('/login', limit, perAccount, async (req, res) => {
    const body = parse(LoginBody, req.body, 'body');
    const user = await ctx.db.prisma.user.findUnique({ where: { email: body.email } });
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), body.password);
    if (!user || !ok) {
      await audit(ctx.db.prisma, { userId: user?.id ?? null, action: 'login_failed', ...origin(req) });
      throw new AppError('unauthenticated', 'Wrong email or password.');
    }
    await audit(ctx.db.prisma, { userId: user.id, action: 'login', ...origin(req) });
    await respond(res, user.id, await ctx.sessions.start(user.id, origin(req)));
  });

  router.post('/refresh', limit, async (req, res) => {
    const body = parse(RefreshBody, req.body ?? {}, 'body');
    const token = body.refreshToken ?? readCookie(req, REFRESH_COOKIE);
    if (!token) {
      forget(res);
      throw new AppError('unauthenticated', 'No refresh token: sign in again.');
    }
    const next = await ctx.sessions.rotate(token, origin(req)).catch(async (err: unknown) => {
      // A refused refresh ends the session on this browser: the page stops asking.
      forget(res);
      // A stolen token came back: the live-event sockets of that sign-in close too, on every node.
      if (err instanceof RefreshTokenReused) await ctx.events.endSession(err.userId, err.familyId);
      throw err;
    });
    await respond(res, next.userId, next);
  });

  router.post('/password/forgot', limit, async (req, res) => {
    const { email } = parse(ForgotPasswordBody, req.body, 'body');
    if (!mailer) {
      throw new AppError(
        'service_unavailable',
        'Email is not set up on this server (SMTP_URL is not set), so no reset link can be sent. Ask its operator.',
      );
    }
    await requestPasswordReset(ctx.db, mailer, ctx.config.publicUrl, email, origin(req));
    // The same answer whether or not the address has an account.
    res.status(202).json({ sent: true });
  });

  router.post('/password/reset', limit, async (req, res) => {
    const { token, password } = parse(ResetPasswordBody, req.body, 'body');
    await resetPassword(ctx.db, token, password, origin(req));
    forget(res);
    res.status(204).end();
  });

  router.post('/logout', async (req, res) => {
    const body = parse(RefreshBody, req.body ?? {}, 'body');
    const token = body.refreshToken ?? readCookie(req, REFRESH_COOKIE);
    const ended = token ? await ctx.sessions.revokeFamily(token) : null;
    if (ended) {
      await audit(ctx.db.prisma, { userId: ended.userId, action: 'logout', ...origin(req) });
      // Live-event sockets this sign-in opened close now, on whichever node they are.
      await ctx.events.endSession(ended.userId, ended.familyId);
    }
    forget(res);
    res.status(204).end();
  });

  return router;
}
