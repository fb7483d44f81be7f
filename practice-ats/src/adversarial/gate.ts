// The adversarial scenarios that stand in front of a posting's pages, whatever the ATS: a closed
// posting, a slow server, a bot wall, a login wall. `passScenarioGate` answers the request itself
// (and returns false) when the scenario stops the applicant here.
import { setTimeout as delay } from 'node:timers/promises';
import type { Request, Response } from 'express';
import type { Posting } from '../catalog/posting.ts';
import { readCookie } from '../shared/cookies.ts';
import type { AccountStore } from '../store/accounts.ts';
import { botWallPage, CLEARANCE_COOKIE } from './bot-wall.ts';
import { closedPage, notFoundPage } from './closed.ts';
import { SESSION_COOKIE } from './login-wall.ts';

export const DEFAULT_SLOW_MS = 4_000;
const MAX_SLOW_MS = 60_000;

export function sessionRealm(p: Posting): string {
  return `${p.ats}:${p.company.board}`;
}

/** The delay of the slow scenario: `?delay=<ms>` on the request, else the default. */
export function slowDelay(req: Request): number {
  const asked = Number(req.query.delay);
  return req.query.delay !== undefined && Number.isFinite(asked) && asked >= 0
    ? Math.min(asked, MAX_SLOW_MS)
    : DEFAULT_SLOW_MS;
}

export async function passScenarioGate(
  req: Request,
  res: Response,
  posting: Posting,
  accounts: AccountStore,
): Promise<boolean> {
  switch (posting.scenario) {
    case 'closed-404':
      res.status(404).send(notFoundPage());
      return false;
    case 'closed':
      res.status(200).send(closedPage(posting));
      return false;
    case 'slow':
      await delay(slowDelay(req));
      return true;
    case 'bot-wall':
      if (readCookie(req, CLEARANCE_COOKIE)) return true;
      res.status(403).send(botWallPage());
      return false;
    case 'login-wall':
      if (accounts.sessionEmail(sessionRealm(posting), readCookie(req, SESSION_COOKIE))) return true;
      res.redirect(
        303,
        `/__practice/signin?realm=${encodeURIComponent(sessionRealm(posting))}&next=${encodeURIComponent(req.originalUrl)}`,
      );
      return false;
    default:
      return true;
  }
}
