// Workable: hosted careers pages and applications under /workable/<account>.
import { Router } from 'express';
import { receiveApplication } from '../../shared/receive-application.ts';
import { sendSubmitAnswer } from '../../shared/spa-shell.ts';
import { DEFAULT_MESSAGES, type ValidationMessages } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { boardRoute, postingRoute } from '../posting-route.ts';
import { postingsOf } from '../postings-of.ts';
import { applyPage, jobPage, listPage, successPage } from './pages.ts';
import { jobPath, workableSpec } from './spec.ts';

export const WORKABLE_MESSAGES: ValidationMessages = {
  ...DEFAULT_MESSAGES,
  required: () => 'This field is required.',
  email: () => 'Please enter a valid email address.',
  phone: () => 'Please enter a valid phone number.',
  date: () => 'Please enter a valid date.',
  fileType: () => 'File type not supported. Please upload a PDF, DOC, DOCX, ODT or RTF file.',
  fileSize: () => 'File size exceeds the 5 MB limit.',
};

export const workable: AtsModule = {
  kind: 'workable',
  applyPath: (p) => `${jobPath(p)}/apply`,
  formSpec: workableSpec,
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup = postingsOf('workable');
    router.get('/workable/:board', boardRoute(lookup, listPage));
    const base = '/workable/:board/j/:id';
    router.get(
      base,
      postingRoute(lookup, ctx, (p, _req, res) => res.send(jobPage(p))),
    );
    router.get(
      `${base}/apply`,
      postingRoute(lookup, ctx, (p, _req, res) => res.send(applyPage(p, workableSpec(p)))),
    );
    router.post(
      `${base}/apply/submit`,
      postingRoute(lookup, ctx, async (p, req, res) => {
        const outcome = await receiveApplication(req, ctx, p, workableSpec(p), {
          refusesDuplicates: false,
          messages: WORKABLE_MESSAGES,
        });
        sendSubmitAnswer(res, outcome, {
          alreadyApplied: 'You have already applied for this job.',
          redirect: () => `${jobPath(p)}/apply/success`,
        });
      }),
    );
    router.get(
      `${base}/apply/success`,
      postingRoute(lookup, ctx, (p, _req, res) => res.send(successPage(p)), { gate: false }),
    );
    return router;
  },
};
