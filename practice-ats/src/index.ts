// The practice ATS's public API: start the server, read the catalog and the answer keys.

export { DEFAULT_SLOW_MS } from './adversarial/gate.ts';
export { formSpec, type PracticeJob, practiceJobs } from './catalog/catalog.ts';
export { SCENARIOS, type Scenario } from './catalog/posting.ts';
export {
  APPLICANT_ANSWERS,
  APPLICANT_ANSWERS_FILE,
  APPLICANT_PROFILE,
  APPLICANT_PROFILE_FILE,
} from './never-tuned/applicant.ts';
export { createPracticeApp, type PracticeAts, type PracticeAtsOptions, startPracticeAts } from './server.ts';
export { type Expectation, expectedOutcome, heldBecause, isAnswerable } from './spec/expectation.ts';
export {
  checkSubmission,
  type ExpectedSubmission,
  type ExpectedValue,
  expectedSubmission,
  type RecordedSubmission,
  type SubmissionMismatch,
} from './spec/expected.ts';
export {
  type Asks,
  ATS_KINDS,
  type AtsKind,
  type FieldOption,
  type FieldSpec,
  type FormSpec,
  NEVER_TUNED_ONLY_KINDS,
  type ProfilePath,
  SPLITS,
  type Split,
} from './spec/form-spec.ts';
export {
  type Applicant,
  type ApplicationScore,
  type FieldCheck,
  type ScoreTotals,
  scoreApplication,
  totals,
} from './spec/score.ts';
export { type LoggedRequest, RequestLog } from './store/request-log.ts';
export { type StoredFile, type Submission, type SubmissionFilter, SubmissionStore } from './store/submissions.ts';
