// Checking a recorded submission against the practice ATS's answer key: every field the profile
// covers, and every form question the applicant's answers are meant for, must match exactly.

import {
  checkSubmission,
  type FormSpec,
  type RecordedSubmission,
  type SubmissionMismatch,
} from '@jobswipe/practice-ats';
import type { SavedAnswers } from '@jobswipe/protocol';
import type { Documents } from './applicant.ts';
import { intendedAnswers, PROFILE } from './applicant.ts';

/** Mismatches between the recorded submission and the answer key. */
export function mismatches(
  spec: FormSpec,
  recorded: RecordedSubmission,
  answers: SavedAnswers,
  docs: Documents,
  profile = PROFILE,
): SubmissionMismatch[] {
  return checkSubmission(spec, recorded, profile, intendedAnswers(spec, answers), docs.sha256);
}
