// The one path every ATS's submit handler takes: read the post, validate it against the spec,
// play the adversarial scenario's part, refuse duplicates where the ATS does, and record it.
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { CAPTCHA_FIELD } from '../adversarial/captcha.ts';
import type { PracticeContext } from '../ats/module.ts';
import type { Posting } from '../catalog/posting.ts';
import { emailField, type FieldSpec, type FormSpec } from '../spec/form-spec.ts';
import type { Submission } from '../store/submissions.ts';
import { type ParsedForm, parseForm, single } from './form-data.ts';
import {
  DEFAULT_MESSAGES,
  type FieldError,
  trippedHoneypot,
  type ValidationMessages,
  validateForm,
} from './validation.ts';

export type ApplicationOutcome =
  | { kind: 'invalid'; errors: FieldError[]; form: ParsedForm }
  | { kind: 'already-applied'; previous: Submission; form: ParsedForm }
  /** `submission` is null when a honeypot was filled: the bot sees success, nothing is kept. */
  | { kind: 'accepted'; submission: Submission | null; form: ParsedForm };

export interface ReceiveOptions {
  messages?: ValidationMessages;
  /** Greenhouse, Lever and Workday answer a second application with the same email "already applied". */
  refusesDuplicates: boolean;
  /** Checks beyond the spec (a CAPTCHA token, an account). */
  extraChecks?: (form: ParsedForm) => FieldError[];
  /** Recorded instead of the parsed form (a wizard that collected its steps elsewhere). */
  form?: ParsedForm;
}

// The reject-first scenario wants phone numbers as E.164 with no spaces, and says so only after a try.
const E164 = /^\+[1-9]\d{7,14}$/;

function scenarioErrors(
  ctx: Pick<PracticeContext, 'captcha'>,
  posting: Posting,
  spec: FormSpec,
  form: ParsedForm,
): FieldError[] {
  if (posting.scenario === 'captcha' && !ctx.captcha.redeem(single(form, CAPTCHA_FIELD))) {
    return [{ field: CAPTCHA_FIELD, label: 'CAPTCHA', message: 'Please verify that you are not a robot.' }];
  }
  if (posting.scenario !== 'reject-first') return [];
  const phone = spec.fields.find((f) => f.asks.kind === 'profile' && f.asks.path === 'profile.phone');
  if (!phone || E164.test(single(form, phone.name))) return [];
  return [
    {
      field: phone.name,
      label: phone.label,
      message: 'Phone number is invalid. Enter it in international format without spaces, e.g. +442079460958.',
    },
  ];
}

function submittedEmail(spec: FormSpec, form: ParsedForm): string | null {
  const field: FieldSpec | undefined = emailField(spec);
  const value = field ? single(form, field.name).trim().toLowerCase() : '';
  return value || null;
}

export async function receiveApplication(
  req: Request,
  ctx: Pick<PracticeContext, 'submissions' | 'captcha'>,
  posting: Posting,
  spec: FormSpec,
  options: ReceiveOptions,
): Promise<ApplicationOutcome> {
  const form = options.form ?? (await parseForm(req));
  const errors = [
    ...validateForm(spec, form, options.messages ?? DEFAULT_MESSAGES),
    ...(options.extraChecks?.(form) ?? []),
  ];
  if (errors.length === 0) errors.push(...scenarioErrors(ctx, posting, spec, form));
  if (errors.length > 0) return { kind: 'invalid', errors, form };

  const email = submittedEmail(spec, form);
  if (email && (options.refusesDuplicates || posting.scenario === 'already-applied')) {
    const [previous] = ctx.submissions.list({ ats: spec.ats, board: spec.board, jobId: spec.jobId, email });
    if (previous) return { kind: 'already-applied', previous, form };
  }
  if (trippedHoneypot(spec, form)) return { kind: 'accepted', submission: null, form };

  const submission = ctx.submissions.add(
    {
      ats: spec.ats,
      board: spec.board,
      jobId: spec.jobId,
      email,
      fields: form.fields,
      files: form.files.map(({ field, filename, mime, size, sha256 }) => ({ field, filename, mime, size, sha256 })),
      remoteAddress: req.socket.remoteAddress ?? '',
      via: req.get('via') ?? null,
      userAgent: req.get('user-agent') ?? null,
    },
    new Map(form.files.map((f) => [f.field, f.data])),
  );
  return { kind: 'accepted', submission, form };
}

export interface PageView {
  form: ParsedForm;
  errors?: FieldError[];
  notice?: string;
}

/**
 * How a server-rendered form answers its post: the form again (422 with the errors, or the
 * "already applied" notice), or a redirect to the confirmation of the new application.
 */
export function answerPagePost(
  res: Response,
  outcome: ApplicationOutcome,
  pages: { again: (view: PageView) => string; alreadyApplied: string; done: (applicationId: string) => string },
): void {
  if (outcome.kind === 'invalid') res.status(422).send(pages.again({ form: outcome.form, errors: outcome.errors }));
  else if (outcome.kind === 'already-applied')
    res.send(pages.again({ form: outcome.form, notice: pages.alreadyApplied }));
  // A bot that filled a honeypot gets a confirmation of an application that does not exist.
  else res.redirect(303, pages.done(outcome.submission?.id ?? randomUUID()));
}
