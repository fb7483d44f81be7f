// What the never-tuned forms' servers share: a form's definition, the single-page shell with the
// split's client bundle, the separate upload endpoint some ATSs send files to before the
// application, and the submit handler that records what arrived.
import { randomBytes } from 'node:crypto';
import type { FieldType } from '@jobswipe/protocol';
import type { Request, Response, Router } from 'express';
import type { PracticeContext } from '../ats/module.ts';
import type { Posting } from '../catalog/posting.ts';
import { type ParsedForm, parseForm, single, type UploadedFile } from '../shared/form-data.ts';
import type { Html } from '../shared/html.ts';
import { receiveApplication } from '../shared/receive-application.ts';
import { pageData, sendSubmitAnswer, spaShell } from '../shared/spa-shell.ts';
import type { ValidationMessages } from '../shared/validation.ts';
import type { Expectation } from '../spec/expectation.ts';
import { type FieldSpec, type FormSpec, question } from '../spec/form-spec.ts';

export interface NeverTunedForm {
  posting: Posting;
  /** The page an applicant is sent to (path on the practice server). */
  applyPath: string;
  spec: FormSpec;
  routes(ctx: PracticeContext): Router;
}

/** A field of a never-tuned form; it asks its own label unless `more.asks` says otherwise. */
export function nt(
  name: string,
  label: string,
  type: FieldType,
  required: boolean,
  expect: Expectation,
  more: Partial<FieldSpec> = {},
): FieldSpec {
  return { name, id: name, label, type, required, asks: question(label), expect, ...more };
}

export interface ShellOptions {
  title: string;
  css: string;
  /** Settings the form's client code reads (`extra('...')`). */
  extra?: Record<string, string>;
  chrome?: (root: Html) => Html;
}

/** The page of a never-tuned form: its shell, the split's bundle, and `form` naming its client code. */
export function formPage(form: NeverTunedForm, clientName: string, opts: ShellOptions): string {
  const { posting: p, spec } = form;
  return spaShell({
    title: opts.title,
    css: opts.css,
    bundle: 'never-tuned',
    data: pageData(p, spec.fields, spec.submitUrl, { form: clientName, ...opts.extra }),
    ...(opts.chrome ? { chrome: opts.chrome } : {}),
  });
}

/** Files sent ahead of the application; the application names them by the handle returned. */
export class UploadStore {
  readonly #files = new Map<string, UploadedFile>();

  async receive(req: Request, res: Response): Promise<void> {
    const form = await parseForm(req);
    const file = form.files[0];
    if (!file) {
      res.status(400).json({ error: 'No file was sent. Post it as multipart field "file".' });
      return;
    }
    const handle = `upl_${randomBytes(9).toString('base64url')}`;
    this.#files.set(handle, file);
    res.json({ handle, filename: file.filename, size: file.size });
  }

  /** The form with each named handle replaced by the file it stands for (unknown handles stay text). */
  resolve(form: ParsedForm, fields: readonly string[]): ParsedForm {
    const out: ParsedForm = { fields: { ...form.fields }, files: [...form.files] };
    for (const name of fields) {
      const file = this.#files.get(single(form, name));
      if (!file) continue;
      delete out.fields[name];
      out.files.push({ ...file, field: name });
    }
    return out;
  }
}

export interface FetchSubmitOptions {
  messages?: ValidationMessages;
  uploads?: { store: UploadStore; fields: readonly string[] };
  /** Where the page goes after an accepted application (else it shows its own success). */
  redirect?: (applicationId: string) => string;
  /** Checks beyond the spec (a CAPTCHA token). */
  extraChecks?: Parameters<typeof receiveApplication>[4]['extraChecks'];
}

/** The submit endpoint of a form that posts by fetch and reads a JSON answer. */
export function fetchSubmit(form: NeverTunedForm, ctx: PracticeContext, opts: FetchSubmitOptions = {}) {
  return async (req: Request, res: Response) => {
    const parsed = await parseForm(req);
    const resolved = opts.uploads ? opts.uploads.store.resolve(parsed, opts.uploads.fields) : parsed;
    const outcome = await receiveApplication(req, ctx, form.posting, form.spec, {
      refusesDuplicates: false,
      form: resolved,
      ...(opts.messages ? { messages: opts.messages } : {}),
      ...(opts.extraChecks ? { extraChecks: opts.extraChecks } : {}),
    });
    sendSubmitAnswer(res, outcome, {
      alreadyApplied: 'You have already applied for this position.',
      ...(opts.redirect ? { redirect: opts.redirect } : {}),
    });
  };
}
