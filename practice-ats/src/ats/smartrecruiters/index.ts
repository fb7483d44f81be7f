// SmartRecruiters: job pages and one-click applications under /smartrecruiters.
import { Router } from 'express';
import { single } from '../../shared/form-data.ts';
import { receiveApplication } from '../../shared/receive-application.ts';
import { sendSubmitAnswer } from '../../shared/spa-shell.ts';
import { DEFAULT_MESSAGES, type ValidationMessages } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { boardRoute, postingRoute } from '../posting-route.ts';
import { postingsOf } from '../postings-of.ts';
import { applyPage, confirmationPage, jobPage, listPage } from './pages.ts';
import { applyPath, smartRecruitersSpec } from './spec.ts';

export const SR_MESSAGES: ValidationMessages = {
  ...DEFAULT_MESSAGES,
  required: () => 'This field is required',
  email: () => 'Enter a valid email address',
  phone: () => 'Enter a valid phone number',
  option: () => 'Choose a city from the list',
  fileType: () => 'Supported formats: PDF, DOC, DOCX, ODT, RTF',
  fileSize: () => 'The file is too big (max. 5 MB)',
};

export const smartRecruiters: AtsModule = {
  kind: 'smartrecruiters',
  applyPath,
  formSpec: smartRecruitersSpec,
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup = postingsOf('smartrecruiters');
    router.get(
      '/smartrecruiters/:board/:idSlug',
      postingRoute(lookup, ctx, (p, _req, res) => res.send(jobPage(p)), {
        find: (req) => lookup.posting(String(req.params.board), String(req.params.idSlug).split('-')[0] ?? ''),
      }),
    );
    const base = '/smartrecruiters/oneclick-ui/company/:board/publication/:id';
    router.get(
      base,
      postingRoute(lookup, ctx, (p, _req, res) => res.send(applyPage(p, smartRecruitersSpec(p)))),
    );
    router.post(
      `${base}/submit`,
      postingRoute(lookup, ctx, async (p, req, res) => {
        const outcome = await receiveApplication(req, ctx, p, smartRecruitersSpec(p), {
          refusesDuplicates: false,
          messages: SR_MESSAGES,
          extraChecks: (form) =>
            single(form, 'confirmEmail').trim().toLowerCase() !== single(form, 'email').trim().toLowerCase()
              ? [{ field: 'confirmEmail', label: 'Confirm your email', message: 'Email addresses do not match' }]
              : [],
        });
        sendSubmitAnswer(res, outcome, {
          alreadyApplied: 'You have already applied for this position.',
          redirect: () => `${applyPath(p)}/confirmation`,
        });
      }),
    );
    router.get(
      `${base}/confirmation`,
      postingRoute(lookup, ctx, (p, _req, res) => res.send(confirmationPage(p)), { gate: false }),
    );
    router.get('/smartrecruiters/:board', boardRoute(lookup, listPage));
    return router;
  },
};
