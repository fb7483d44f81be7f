// Checking a recorded submission against the practice ATS's answer key. Where the engine and the
// key disagree on purpose, the disagreement is listed here with the reason (and reported to the
// practice ATS's owner); everything else must match exactly.
import type { SavedAnswers } from '@jobswipe/protocol';
import {
  checkSubmission,
  type FormSpec,
  type RecordedSubmission,
  type SubmissionMismatch,
} from '../../src/practice-ats/index.ts';
import type { Documents } from './applicant.ts';
import { PROFILE } from './applicant.ts';

interface Dispute {
  ats: string;
  label: string;
  why: string;
}

const DISPUTES: Dispute[] = [
  {
    ats: 'greenhouse',
    label: 'Cover Letter',
    why: 'the pasted text is the alternative to the cover letter file the engine uploaded (alternativeTo)',
  },
];

function disputed(spec: FormSpec, m: SubmissionMismatch): boolean {
  const field = spec.fields.find((f) => f.name === m.field);
  return DISPUTES.some(
    (d) =>
      d.ats === spec.ats && d.label === m.label && (d.label !== 'Cover Letter' || field?.alternativeTo !== undefined),
  );
}

/** Mismatches between the recorded submission and the answer key, disputed ones left out. */
export function mismatches(
  spec: FormSpec,
  recorded: RecordedSubmission,
  answers: SavedAnswers,
  docs: Documents,
  profile = PROFILE,
): SubmissionMismatch[] {
  return checkSubmission(spec, recorded, profile, answers, docs.sha256).filter((m) => !disputed(spec, m));
}
