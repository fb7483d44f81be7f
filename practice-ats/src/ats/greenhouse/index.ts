// Greenhouse: the classic board (with its iframe embed), the newer job-boards design and the Job
// Board API, all under /greenhouse and /api/greenhouse.
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { Posting } from '../../catalog/posting.ts';
import { answerPagePost, receiveApplication } from '../../shared/receive-application.ts';
import { sendSubmitAnswer } from '../../shared/spa-shell.ts';
import { DEFAULT_MESSAGES, type ValidationMessages } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { boardRoute, postingRoute } from '../posting-route.ts';
import { postingsOf } from '../postings-of.ts';
import { greenhouseApiRoutes } from './api.ts';
import { boardPage, confirmationPage, embedHostPage, embedPage, postingPage } from './classic.ts';
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
      const spec = greenhouseSpec(p);
      const outcome = await receiveApplication(req, ctx, p, spec, {
        refusesDuplicates: true,
        messages: GREENHOUSE_MESSAGES,
      });
      answerPagePost(res, outcome, {
        again: (view) => render(p, spec, { action: req.originalUrl, ...view }),
        alreadyApplied: ALREADY_APPLIED,
        done: () => done,
      });
    }

    router.get('/greenhouse/boards/:board', boardRoute(classic, boardPage));
    router.get(
      '/greenhouse/boards/:board/jobs/:id',
      postingRoute(classic, ctx, (p, _req, res) =>
        res.send(postingPage(p, greenhouseSpec(p), { action: postingPath(p) })),
      ),
    );
    router.post(
      '/greenhouse/boards/:board/jobs/:id',
      postingRoute(classic, ctx, (p, req, res) =>
        receiveClassic(req, res, p, postingPage, `${postingPath(p)}/confirmation`),
      ),
    );
    router.get(
      '/greenhouse/boards/:board/jobs/:id/confirmation',
      postingRoute(classic, ctx, (p, _req, res) => res.send(confirmationPage(p)), { gate: false }),
    );

    const host = (req: Request) => classic.posting(String(req.params.board), String(req.query.gh_jid ?? ''));
    router.get(
      '/greenhouse/company/:board/careers',
      postingRoute(classic, ctx, (p, _req, res) => res.send(embedHostPage(p, embedFormPath(p))), {
        find: host,
        gate: false,
      }),
    );
    const find = (req: Request) => classic.posting(String(req.query.for ?? ''), String(req.query.token ?? ''));
    router.get(
      '/greenhouse/embed/job_app',
      postingRoute(
        classic,
        ctx,
        (p, _req, res) => res.send(embedPage(p, greenhouseSpec(p), { action: embedFormPath(p) })),
        { find },
      ),
    );
    router.post(
      '/greenhouse/embed/job_app',
      postingRoute(
        classic,
        ctx,
        (p, req, res) =>
          receiveClassic(
            req,
            res,
            p,
            embedPage,
            `/greenhouse/embed/job_app/confirmation?for=${p.company.board}&token=${p.externalId}`,
          ),
        { find },
      ),
    );
    router.get(
      '/greenhouse/embed/job_app/confirmation',
      postingRoute(classic, ctx, (p, _req, res) => res.send(confirmationPage(p)), { find, gate: false }),
    );

    router.get('/greenhouse/job-boards/:board', boardRoute(jobBoards, jobBoardsBoardPage));
    router.get(
      '/greenhouse/job-boards/:board/jobs/:id',
      postingRoute(jobBoards, ctx, (p, _req, res) => res.send(jobBoardsPostingPage(p, greenhouseSpec(p)))),
    );
    router.post(
      '/greenhouse/job-boards/:board/jobs/:id/applications',
      postingRoute(jobBoards, ctx, async (p, req, res) => {
        const outcome = await receiveApplication(req, ctx, p, greenhouseSpec(p), {
          refusesDuplicates: true,
          messages: GREENHOUSE_MESSAGES,
        });
        sendSubmitAnswer(res, outcome, {
          alreadyApplied: ALREADY_APPLIED,
          redirect: () => `${postingPath(p)}/confirmation`,
        });
      }),
    );
    router.get(
      '/greenhouse/job-boards/:board/jobs/:id/confirmation',
      postingRoute(jobBoards, ctx, (p, _req, res) => res.send(jobBoardsConfirmationPage(p)), { gate: false }),
    );

    router.use(greenhouseApiRoutes(lookup));
    return router;
  },
};
