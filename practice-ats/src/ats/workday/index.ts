// Workday: the career site under /workday/<tenant>/External, its apply wizard (with a candidate
// account) and the candidate home that lists submitted applications, so an executor can check
// whether an earlier attempt went through without applying again.
import express, { type Request, Router } from 'express';
import { SESSION_COOKIE } from '../../adversarial/login-wall.ts';
import { readCookie } from '../../shared/cookies.ts';
import { parseForm } from '../../shared/form-data.ts';
import { receiveApplication } from '../../shared/receive-application.ts';
import { sendSubmitAnswer } from '../../shared/spa-shell.ts';
import { DEFAULT_MESSAGES, isEmail, type ValidationMessages, validateForm } from '../../shared/validation.ts';
import type { AtsModule, PracticeContext } from '../module.ts';
import { boardRoute, postingRoute } from '../posting-route.ts';
import { postingsOf } from '../postings-of.ts';
import { applyPage, candidateHomePage, jobPage, sitePage } from './pages.ts';
import { jobPath, WORKDAY_SITE, workdaySpec } from './spec.ts';

export const WORKDAY_MESSAGES: ValidationMessages = {
  ...DEFAULT_MESSAGES,
  required: (f) => `The field ${f.label} is required and must have a value.`,
  email: () => 'Invalid email address. Enter an email address in the format name@example.com.',
  phone: () => 'Phone Number must be a valid phone number.',
  date: () => 'Enter a valid date in the format MM/DD/YYYY.',
  option: (f) => `The value selected for ${f.label} is not valid.`,
  fileType: () => 'The file type is not supported. Upload a .pdf, .doc or .docx file.',
  fileSize: () => 'The file exceeds the maximum size of 5 MB.',
};

export const workday: AtsModule = {
  kind: 'workday',
  applyPath: jobPath,
  formSpec: workdaySpec,
  routes(ctx: PracticeContext) {
    const router = Router();
    const lookup = postingsOf('workday');
    const site = `/workday/:board/${WORKDAY_SITE}`;
    const realm = (board: string) => `workday:${board.toLowerCase()}`;
    const signedIn = (req: Request) =>
      ctx.accounts.sessionEmail(realm(String(req.params.board)), readCookie(req, SESSION_COOKIE));
    // The posting id is the end of the URL's last segment: .../Registered-Nurse_R-10234.
    const find = (req: Request) =>
      lookup.posting(String(req.params.board), String(req.params.titleId).split('_').at(-1) ?? '');
    const job = `${site}/job/:location/:titleId`;
    const previous = (board: string, email: string | null, jobId?: string) =>
      email
        ? ctx.submissions.list(jobId ? { ats: 'workday', board, jobId, email } : { ats: 'workday', board, email })
        : [];

    router.get(site, boardRoute(lookup, sitePage));
    router.get(
      job,
      postingRoute(lookup, ctx, (p, _req, res) => res.send(jobPage(p)), { find }),
    );
    router.get(
      `${job}/apply`,
      postingRoute(
        lookup,
        ctx,
        (p, req, res) => {
          const email = signedIn(req);
          const alreadyApplied = previous(p.company.board, email, p.externalId).length > 0;
          res.send(applyPage(p, workdaySpec(p), { signedInAs: email, alreadyApplied }));
        },
        { find },
      ),
    );
    router.post(
      `${job}/apply/submit/validate`,
      postingRoute(
        lookup,
        ctx,
        async (p, req, res) => {
          const form = await parseForm(req);
          const spec = workdaySpec(p);
          const step = String(form.fields.step ?? '');
          const errors = validateForm(
            { ...spec, fields: spec.fields.filter((f) => f.section === step) },
            form,
            WORKDAY_MESSAGES,
          );
          res
            .status(errors.length > 0 ? 422 : 200)
            .json({ status: errors.length > 0 ? 'invalid' : 'accepted', errors });
        },
        { find },
      ),
    );
    router.post(
      `${job}/apply/submit`,
      postingRoute(
        lookup,
        ctx,
        async (p, req, res) => {
          if (!signedIn(req)) {
            res.status(401).json({
              status: 'invalid',
              errors: [{ field: 'email', label: 'Account', message: 'Your session has expired. Sign in again.' }],
            });
            return;
          }
          const outcome = await receiveApplication(req, ctx, p, workdaySpec(p), {
            refusesDuplicates: true,
            messages: WORKDAY_MESSAGES,
          });
          sendSubmitAnswer(res, outcome, {
            alreadyApplied: 'You have already applied for this job. You can view your application in Candidate Home.',
          });
        },
        { find },
      ),
    );

    router.post(`${site}/account`, express.json(), express.urlencoded({ extended: false }), (req, res) => {
      const board = String(req.params.board);
      const body = req.body as Record<string, unknown>;
      const value = (key: string) => String(body[key] ?? '');
      const [mode, email, password, verify] = [
        value('mode'),
        value('email'),
        value('password'),
        value('verifyPassword'),
      ];
      const fail = (status: number, error: string) => res.status(status).json({ error });
      if (!isEmail(email)) return void fail(422, 'Enter a valid email address.');
      if (mode === 'create') {
        if (password.length < 8) return void fail(422, 'Password must contain at least 8 characters.');
        if (password !== verify) return void fail(422, 'The passwords do not match.');
        if (body.agree !== true) return void fail(422, 'You must consent to the terms and conditions.');
        if (ctx.accounts.exists(realm(board), email))
          return void fail(409, 'An account with this email address already exists. Sign in instead.');
        ctx.accounts.create(realm(board), email, password);
      } else if (!ctx.accounts.verify(realm(board), email, password)) {
        return void fail(401, 'Wrong email address or password.');
      }
      res.cookie(SESSION_COOKIE, ctx.accounts.openSession(realm(board), email), {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
      });
      if (req.is('application/json')) res.json({ email: email.toLowerCase() });
      else res.redirect(303, `/workday/${board}/${WORKDAY_SITE}/userHome`);
    });
    router.get(`${site}/userHome`, (req, res, next) => {
      const postings = lookup.board(req.params.board);
      const [first] = postings;
      if (!first) return next();
      const email = signedIn(req);
      const applications = previous(first.company.board, email).map((submission) => ({
        submission,
        posting: postings.find((p) => p.externalId === submission.jobId),
      }));
      res.send(candidateHomePage(first, email, applications));
    });
    return router;
  },
};
