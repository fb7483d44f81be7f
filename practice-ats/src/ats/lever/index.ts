// Lever: the hosted job site under /lever/<site> and the Postings API under /api/lever/v0.
import { Router } from 'express';
import { answerPagePost, receiveApplication } from '../../shared/receive-application.ts';
import { DEFAULT_MESSAGES, type ValidationMessages } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { boardRoute, postingRoute } from '../posting-route.ts';
import { postingsOf } from '../postings-of.ts';
import { leverApiRoutes } from './api.ts';
import { applyPage, boardPage, postingPage, thanksPage } from './pages.ts';
import { leverSpec, postingPath } from './spec.ts';

export const LEVER_MESSAGES: ValidationMessages = {
  ...DEFAULT_MESSAGES,
  required: () => 'This field is required',
  email: () => 'Please enter a valid email address',
  phone: () => 'Please enter a valid phone number',
  url: () => 'Please enter a valid URL (https://...)',
  fileType: () => 'Unsupported file type. Please upload a PDF, DOC, DOCX, TXT, RTF or ODT file.',
  fileSize: () => 'The file is too large. The maximum size is 10 MB.',
};

export const LEVER_ALREADY_APPLIED =
  "You've already applied to this job. We'll be in touch if your experience matches what we're looking for.";

export const lever: AtsModule = {
  kind: 'lever',
  applyPath: (p) => `${postingPath(p)}/apply`,
  formSpec: leverSpec,
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup = postingsOf('lever');
    router.use(leverApiRoutes(lookup));
    router.get('/lever/:board', boardRoute(lookup, boardPage));
    router.get(
      '/lever/:board/:id',
      postingRoute(lookup, ctx, (p, _req, res) => res.send(postingPage(p))),
    );
    router.get(
      '/lever/:board/:id/apply',
      postingRoute(lookup, ctx, (p, _req, res) => res.send(applyPage(p, leverSpec(p)))),
    );
    router.post(
      '/lever/:board/:id/apply',
      postingRoute(lookup, ctx, async (p, req, res) => {
        const spec = leverSpec(p);
        const outcome = await receiveApplication(req, ctx, p, spec, {
          refusesDuplicates: true,
          messages: LEVER_MESSAGES,
        });
        answerPagePost(res, outcome, {
          again: (view) => applyPage(p, spec, view),
          alreadyApplied: LEVER_ALREADY_APPLIED,
          done: () => `${postingPath(p)}/thanks`,
        });
      }),
    );
    router.get(
      '/lever/:board/:id/thanks',
      postingRoute(lookup, ctx, (p, _req, res) => res.send(thanksPage(p)), { gate: false }),
    );
    return router;
  },
};
