// The shape every posting route shares: find the posting named by the URL (`:board` and `:id`, or
// a custom finder), fall through to the 404 page when there is none, and pass the adversarial
// scenario's gate before the handler runs.
import type { Request, RequestHandler, Response } from 'express';
import { passScenarioGate } from '../adversarial/gate.ts';
import type { Posting } from '../catalog/posting.ts';
import type { PracticeContext } from './module.ts';
import type { PostingLookup } from './postings-of.ts';

export interface PostingRouteOptions {
  /** Pages after the application (confirmations) skip the scenario gate. */
  gate?: boolean;
  find?: (req: Request) => Posting | undefined;
}

export function postingRoute(
  lookup: PostingLookup,
  ctx: PracticeContext,
  handler: (p: Posting, req: Request, res: Response) => unknown,
  opts: PostingRouteOptions = {},
): RequestHandler {
  return async (req, res, next) => {
    const p = opts.find ? opts.find(req) : lookup.posting(String(req.params.board), String(req.params.id));
    if (!p) return next();
    if (opts.gate !== false && !(await passScenarioGate(req, res, p, ctx.accounts))) return;
    await handler(p, req, res);
  };
}

/** A board's list page: every posting of the board in the URL (`:board`), or the 404 page. */
export function boardRoute(lookup: PostingLookup, render: (postings: Posting[]) => string): RequestHandler {
  return (req, res, next) => {
    const postings = lookup.board(String(req.params.board)).filter((p) => p.scenario !== 'closed-404');
    if (postings.length === 0) return next();
    res.send(render(postings));
  };
}
