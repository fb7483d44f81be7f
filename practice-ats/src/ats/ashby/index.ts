// Ashby: the hosted job board (React job pages) under /ashby and the Job Posting API under /api/ashby.
import { Router } from 'express';
import { receiveApplication } from '../../shared/receive-application.ts';
import { sendSubmitAnswer } from '../../shared/spa-shell.ts';
import { DEFAULT_MESSAGES, type ValidationMessages } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { boardRoute, postingRoute } from '../posting-route.ts';
import { postingsOf } from '../postings-of.ts';
import { ashbyApiRoutes } from './api.ts';
import { boardPage, jobPage } from './pages.ts';
import { ashbySpec, postingPath } from './spec.ts';

export const ASHBY_MESSAGES: ValidationMessages = {
  ...DEFAULT_MESSAGES,
  required: () => 'This field is required',
  email: () => 'Enter a valid email address',
  phone: () => 'Enter a valid phone number',
  url: () => 'Enter a valid URL',
  option: () => 'Select one of the options',
  fileType: () => 'This file type is not supported. Upload a PDF, Word, ODT, RTF or text file.',
  fileSize: () => 'File must be smaller than 10 MB',
};

export const ashby: AtsModule = {
  kind: 'ashby',
  applyPath: (p) => `${postingPath(p)}/application`,
  formSpec: ashbySpec,
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup = postingsOf('ashby');
    router.use(ashbyApiRoutes(lookup));
    router.get('/ashby/:board', boardRoute(lookup, boardPage));
    const show = postingRoute(lookup, ctx, (p, _req, res) => res.send(jobPage(p, ashbySpec(p))));
    router.get('/ashby/:board/:id', show);
    router.get('/ashby/:board/:id/application', show);
    router.post(
      '/ashby/:board/:id/application/submit',
      postingRoute(lookup, ctx, async (p, req, res) => {
        const outcome = await receiveApplication(req, ctx, p, ashbySpec(p), {
          refusesDuplicates: false,
          messages: ASHBY_MESSAGES,
        });
        sendSubmitAnswer(res, outcome, { alreadyApplied: 'You have already applied to this job.' });
      }),
    );
    return router;
  },
};
