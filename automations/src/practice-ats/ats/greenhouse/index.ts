// Greenhouse: the classic board (with its iframe embed), the newer job-boards design and the Job
// Board API, all under /greenhouse and /api/greenhouse.
import type { Request, Response } from 'express';
import { Router } from 'express';
import { passScenarioGate } from '../../adversarial/gate.ts';
import type { Posting } from '../../catalog/posting.ts';
import { receiveApplication } from '../../shared/receive-application.ts';
import { sendSubmitAnswer } from '../../shared/spa-shell.ts';
import { DEFAULT_MESSAGES, type ValidationMessages } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { postingsOf } from '../postings-of.ts';
import { greenhouseApiRoutes } from './api.ts';
import { type ApplicationView, boardPage, confirmationPage, embedHostPage, embedPage, postingPage } from './classic.ts';
import { jobBoardsBoardPage, jobBoardsConfirmationPage, jobBoardsPostingPage } from './job-boards.ts';
import { designOf, embedFormPath, embedHostPath, greenhouseSpec, isEmbedded, postingPath } from './spec.ts';

export const GREENHOUSE_MESSAGES: ValidationMessages = {
  ...DEFAULT_MESSAGES,
  email: () => 'Please enter a valid email address.',
  phone: () => 'Please enter a valid phone number.',
  fileType: () => 'Invalid file type. Accepted file types: pdf, doc, docx, txt, rtf.',
  fileSize: () => 'File exceeds the maximum upload size of 10MB.',
};

export const ALREADY_APPLIED = 'You have already submitted an application for this job. We will be in touch!';

export const greenhouse: AtsModule = {
  kind: 'greenhouse',
  applyPath: (p) => (isEmbedded(p) ? embedHostPath(p) : postingPath(p)),
  formSpec: (p) => greenhouseSpec(p),
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup = postingsOf('greenhouse');
    const classic = postingsOf('greenhouse', (p) => designOf(p) === 'classic');
    const jobBoards = postingsOf('greenhouse', (p) => designOf(p) === 'job-boards');

    /** A classic form post, on the board or in the embed: re-render with errors, or confirm. */
    async function receiveClassic(req: Request, res: Response, p: Posting, render: typeof postingPage, done: string) {
      if (!(await passScenarioGate(req, res, p, ctx.accounts))) return;
      const spec = greenhouseSpec(p);
      const outcome = await receiveApplication(req, ctx.submissions, p, spec, {
        refusesDuplicates: true,
        messages: GREENHOUSE_MESSAGES,
      });
      const action = req.originalUrl;
      if (outcome.kind === 'invalid') {
        res.status(422).send(render(p, spec, { action, form: outcome.form, errors: outcome.errors }));
      } else if (outcome.kind === 'already-applied') {
        res.send(render(p, spec, { action, form: outcome.form, notice: ALREADY_APPLIED }));
      } else {
        res.redirect(303, done);
      }
    }

    router.get('/greenhouse/boards/:board', (req, res, next) => {
      const postings = classic.board(req.params.board).filter((p) => p.scenario !== 'closed-404');
      if (postings.length === 0) return next();
      res.send(boardPage(postings));
    });
    router.get('/greenhouse/boards/:board/jobs/:id', async (req, res, next) => {
      const p = classic.posting(req.params.board, req.params.id);
      if (!p) return next();
      const view: ApplicationView = { action: postingPath(p) };
      if (await passScenarioGate(req, res, p, ctx.accounts)) res.send(postingPage(p, greenhouseSpec(p), view));
    });
    router.post('/greenhouse/boards/:board/jobs/:id', async (req, res, next) => {
      const p = classic.posting(req.params.board, req.params.id);
      if (!p) return next();
      await receiveClassic(req, res, p, postingPage, `${postingPath(p)}/confirmation`);
    });
    router.get('/greenhouse/boards/:board/jobs/:id/confirmation', (req, res, next) => {
      const p = classic.posting(req.params.board, req.params.id);
      if (!p) return next();
      res.send(confirmationPage(p));
    });

    router.get('/greenhouse/company/:board/careers', (req, res, next) => {
      const p = classic.posting(req.params.board, String(req.query.gh_jid ?? ''));
      if (!p) return next();
      res.send(embedHostPage(p, embedFormPath(p)));
    });
    const embedded = (req: Request) => classic.posting(String(req.query.for ?? ''), String(req.query.token ?? ''));
    router.get('/greenhouse/embed/job_app', async (req, res, next) => {
      const p = embedded(req);
      if (!p) return next();
      if (await passScenarioGate(req, res, p, ctx.accounts))
        res.send(embedPage(p, greenhouseSpec(p), { action: embedFormPath(p) }));
    });
    router.post('/greenhouse/embed/job_app', async (req, res, next) => {
      const p = embedded(req);
      if (!p) return next();
      const done = `/greenhouse/embed/job_app/confirmation?for=${p.company.board}&token=${p.externalId}`;
      await receiveClassic(req, res, p, embedPage, done);
    });
    router.get('/greenhouse/embed/job_app/confirmation', (req, res, next) => {
      const p = embedded(req);
      if (!p) return next();
      res.send(confirmationPage(p));
    });

    router.get('/greenhouse/job-boards/:board', (req, res, next) => {
      const postings = jobBoards.board(req.params.board);
      if (postings.length === 0) return next();
      res.send(jobBoardsBoardPage(postings));
    });
    router.get('/greenhouse/job-boards/:board/jobs/:id', async (req, res, next) => {
      const p = jobBoards.posting(req.params.board, req.params.id);
      if (!p) return next();
      if (!(await passScenarioGate(req, res, p, ctx.accounts))) return;
      res.send(jobBoardsPostingPage(p, greenhouseSpec(p), `${postingPath(p)}/applications`));
    });
    router.post('/greenhouse/job-boards/:board/jobs/:id/applications', async (req, res, next) => {
      const p = jobBoards.posting(req.params.board, req.params.id);
      if (!p) return next();
      const outcome = await receiveApplication(req, ctx.submissions, p, greenhouseSpec(p), {
        refusesDuplicates: true,
        messages: GREENHOUSE_MESSAGES,
      });
      sendSubmitAnswer(res, outcome, {
        alreadyApplied: ALREADY_APPLIED,
        redirect: () => `${postingPath(p)}/confirmation`,
      });
    });
    router.get('/greenhouse/job-boards/:board/jobs/:id/confirmation', (req, res, next) => {
      const p = jobBoards.posting(req.params.board, req.params.id);
      if (!p) return next();
      res.send(jobBoardsConfirmationPage(p));
    });

    router.use(greenhouseApiRoutes(lookup));
    return router;
  },
};
