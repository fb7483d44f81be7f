// iCIMS: every page under /icims/jobs/<id>/<slug>/ answers in two ways, like the real career site:
// without in_iframe=1 it is the outer page framing itself in #icims_content_iframe; with it, the
// page proper (job, login, candidate profile form, thank-you).
import express, { type Request, type Response, Router } from 'express';
import type { Posting } from '../../catalog/posting.ts';
import { answerPagePost, receiveApplication } from '../../shared/receive-application.ts';
import { DEFAULT_MESSAGES, isEmail, type ValidationMessages } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { postingRoute } from '../posting-route.ts';
import { postingsOf } from '../postings-of.ts';
import {
  candidateFramePage,
  framePage,
  jobFramePage,
  loginFramePage,
  searchFramePage,
  thanksFramePage,
} from './pages.ts';
import { icimsSpec, jobBase } from './spec.ts';

export const ICIMS_MESSAGES: ValidationMessages = {
  ...DEFAULT_MESSAGES,
  required: () => 'This is a required field.',
  email: () => 'Please enter a valid email address.',
  phone: () => 'Please enter a valid phone number.',
  fileType: () => 'The file type you have attempted to upload is not supported.',
  fileSize: () => 'The file you have attempted to upload exceeds the 5 MB limit.',
};

/** The page proper inside the iframe, or the outer page that frames it. */
function framed(render: (p: Posting, req: Request, res: Response) => unknown) {
  return (p: Posting, req: Request, res: Response) => {
    if (req.query.in_iframe === '1') return render(p, req, res);
    const query = new URLSearchParams(req.query as Record<string, string>);
    query.set('in_iframe', '1');
    res.send(framePage(p, `${req.path}?${query}`));
  };
}

export const icims: AtsModule = {
  kind: 'icims',
  applyPath: (p) => `${jobBase(p)}/login`,
  formSpec: icimsSpec,
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup = postingsOf('icims');
    const find = (req: Request) => lookup.byId(String(req.params.id));
    const base = '/icims/jobs/:id/:slug';
    const route = (handler: (p: Posting, req: Request, res: Response) => unknown, gate = true) =>
      postingRoute(lookup, ctx, framed(handler), { find, gate });

    router.get('/icims/jobs/search', (req, res, next) => {
      const postings = lookup.board('cascadeenergy').filter((p) => p.scenario !== 'closed-404');
      const [first] = postings;
      if (!first) return next();
      if (req.query.in_iframe === '1') return void res.send(searchFramePage(postings));
      res.send(
        framePage({ ...first, title: 'Job Listings', location: first.company.name }, '/icims/jobs/search?in_iframe=1'),
      );
    });
    router.get(
      `${base}/job`,
      route((p, _req, res) => res.send(jobFramePage(p))),
    );
    router.get(
      `${base}/login`,
      route((p, _req, res) => res.send(loginFramePage(p))),
    );
    router.post(
      `${base}/login`,
      express.urlencoded({ extended: false }),
      route((p, req, res) => {
        const email = String((req.body as Record<string, unknown>).loginName ?? '').trim();
        if (!isEmail(email)) return res.status(422).send(loginFramePage(p, 'Please enter a valid email address.'));
        res.redirect(303, `${jobBase(p)}/candidate?in_iframe=1&email=${encodeURIComponent(email)}`);
      }),
    );
    router.get(
      `${base}/candidate`,
      route((p, req, res) => {
        const email = typeof req.query.email === 'string' ? req.query.email : '';
        res.send(candidateFramePage(p, icimsSpec(p), { fields: { 'PersonProfileFields.Email': email }, files: [] }));
      }),
    );
    router.post(
      `${base}/candidate`,
      route(async (p, req, res) => {
        const spec = icimsSpec(p);
        const outcome = await receiveApplication(req, ctx, p, spec, {
          refusesDuplicates: false,
          messages: ICIMS_MESSAGES,
        });
        answerPagePost(res, outcome, {
          again: ({ form, errors }) => candidateFramePage(p, spec, form, errors),
          alreadyApplied: '',
          done: () => `${jobBase(p)}/candidate/thanks?in_iframe=1`,
        });
      }),
    );
    router.get(
      `${base}/candidate/thanks`,
      route((p, _req, res) => res.send(thanksFramePage(p)), false),
    );
    return router;
  },
};
