// What every practice ATS provides, and what the server hands each of them.
import type { Router } from 'express';
import type { CaptchaService } from '../adversarial/captcha.ts';
import type { Posting } from '../catalog/posting.ts';
import type { AtsKind, FormSpec } from '../spec/form-spec.ts';
import type { AccountStore } from '../store/accounts.ts';
import type { SubmissionStore } from '../store/submissions.ts';

export interface PracticeContext {
  submissions: SubmissionStore;
  accounts: AccountStore;
  captcha: CaptchaService;
}

export interface AtsModule {
  kind: AtsKind;
  /** The page an applicant opens to apply (path only; the catalog makes it absolute). */
  applyPath(posting: Posting): string;
  /** The answer key of the posting's application form. */
  formSpec(posting: Posting): FormSpec;
  routes(ctx: PracticeContext): Router;
}
