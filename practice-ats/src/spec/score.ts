// Scoring one application: the practice server's record of what a form received, compared field
// by field with what a correct application by the applicant holds. Never-tuned forms declare that
// per field (`expect`); tuned forms derive it from their answer key for the same applicant. The
// benchmark sums these per ATS family and in total.
import type { ApplicantProfile, ApplyOutcome, SavedAnswers } from '@jobswipe/protocol';
import type { Submission } from '../store/submissions.ts';
import { type Expectation, expectedOutcome, heldBecause, isAnswerable } from './expectation.ts';
import { type ExpectedValue, expectedSubmission, type MatchMode, matches } from './expected.ts';
import type { FieldSpec, FormSpec } from './form-spec.ts';

export interface FieldCheck {
  field: string;
  label: string;
  /** The profile or the answer sheet says what belongs here. */
  answerable: boolean;
  expected: string;
  actual: string | string[] | undefined;
  verdict: 'right' | 'wrong' | 'missing' | 'not-scored';
}

export interface ApplicationScore {
  ats: string;
  jobId: string;
  /** What a correct engine does with this form for the applicant. */
  expected: 'submitted' | 'needs_attention' | 'blocked';
  /** Why the form is held, when it is. */
  heldBecause: string | null;
  /** The outcome the engine reported. */
  outcome: ApplyOutcome | 'crashed';
  /** The server recorded an application (whatever the engine said). */
  recorded: boolean;
  checks: FieldCheck[];
}

export interface Applicant {
  profile: ApplicantProfile;
  answers: SavedAnswers;
  resumeSha256: string;
}

type Actual = string | string[] | undefined;

function filled(actual: Actual): boolean {
  return Array.isArray(actual) ? actual.some((v) => v !== '') : actual !== undefined && actual !== '';
}

function show(actual: Actual): string {
  return Array.isArray(actual) ? actual.join(', ') : (actual ?? '');
}

function modeOf(field: FieldSpec, value: string): MatchMode {
  if (field.type === 'tel') return 'phone';
  if (field.type === 'email') return 'email';
  if (field.type === 'url') return 'url';
  if (field.type === 'location') return 'prefix';
  // Salaries, years and postal codes: "$165,000" is 165000.
  if (/^\d+$/.test(value)) return 'digits';
  return 'exact';
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The submitted date (ISO or MM/DD/YYYY) as ISO. */
function asIso(value: string): string {
  const mdy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  return mdy ? `${mdy[3]}-${mdy[1]}-${mdy[2]}` : value.trim();
}

function expectation(field: FieldSpec, e: Expectation, submittedAt: Date): ExpectedValue | null {
  const base = { field: field.name, label: field.label, alsoAccepted: [] as string[], source: 'profile' as const };
  switch (e.kind) {
    case 'value':
      return { ...base, value: e.value, match: modeOf(field, e.value) };
    case 'option': {
      const option = field.options?.find((o) => o.label === e.label);
      if (!option) throw new Error(`Spec ${field.name}: expected option "${e.label}" is not among its options.`);
      return { ...base, value: option.value, alsoAccepted: [option.label], match: 'exact' };
    }
    case 'checked':
      return { ...base, value: field.options?.[0]?.value ?? 'on', alsoAccepted: ['on', 'true'], match: 'exact' };
    case 'today': {
      // The day the server received it, or the day before (an application sent around midnight).
      const yesterday = new Date(submittedAt.getTime() - 86_400_000);
      return { ...base, value: isoDay(submittedAt), alsoAccepted: [isoDay(yesterday)], match: 'exact' };
    }
    default:
      return null;
  }
}

/** A never-tuned form's fields checked against their declared expectations. */
function declaredChecks(spec: FormSpec, submission: Submission | undefined, applicant: Applicant): FieldCheck[] {
  const submittedAt = submission ? new Date(submission.submittedAt) : new Date();
  return spec.fields.flatMap((field): FieldCheck[] => {
    const e = field.expect;
    if (!e || field.asks.kind === 'system') return [];
    const file = submission?.files.find((f) => f.field === field.name);
    let actual: Actual = file ? `file sha256 ${file.sha256.slice(0, 12)}` : submission?.fields[field.name];
    if (field.type === 'date' && typeof actual === 'string') actual = asIso(actual);
    const answerable = isAnswerable(e);
    const check = (expected: string, verdict: FieldCheck['verdict']): FieldCheck => ({
      field: field.name,
      label: field.label,
      answerable,
      expected,
      actual,
      verdict,
    });
    if (e.kind === 'any') return [check(`anything (${e.why})`, 'not-scored')];
    if (e.kind === 'empty' || e.kind === 'ask') {
      return [check(`empty (${e.why})`, filled(actual) ? 'wrong' : 'right')];
    }
    if (e.kind === 'resume') {
      if (!file) return [check('the resume', 'missing')];
      return [check('the resume', file.sha256 === applicant.resumeSha256 ? 'right' : 'wrong')];
    }
    const want = expectation(field, e, submittedAt);
    if (!want) return [];
    const wantIso = field.type === 'date' ? { ...want, value: asIso(String(want.value)) } : want;
    if (!filled(actual)) return [check(String(want.value), 'missing')];
    return [check(String(want.value), matches(wantIso, actual) ? 'right' : 'wrong')];
  });
}

const CONSENT = /\b(agree|consent|acknowledge|accept)\b/i;

/** A tuned form's fields checked against its answer key for the applicant. */
function derivedChecks(spec: FormSpec, submission: Submission | undefined, applicant: Applicant): FieldCheck[] {
  const key = expectedSubmission(spec, applicant.profile, applicant.answers);
  const actualOf = (name: string): Actual => submission?.fields[name];
  const checks: FieldCheck[] = key.fields.map((e) => {
    const actual = actualOf(e.field);
    const verdict = !filled(actual) ? 'missing' : matches(e, actual) ? 'right' : 'wrong';
    return { field: e.field, label: e.label, answerable: true, expected: show(e.value), actual, verdict };
  });
  for (const f of key.files.filter((x) => x.document === 'resume')) {
    const got = submission?.files.find((x) => x.field === f.field);
    const pasted = spec.fields.find((x) => x.alternativeTo === f.field);
    if (!got && pasted && filled(actualOf(pasted.name))) continue;
    const verdict = !got ? 'missing' : got.sha256 === applicant.resumeSha256 ? 'right' : 'wrong';
    checks.push({
      field: f.field,
      label: 'resume',
      answerable: true,
      expected: 'the resume',
      actual: got?.sha256,
      verdict,
    });
  }
  for (const name of key.empty) {
    const actual = actualOf(name);
    checks.push({
      field: name,
      label: 'honeypot',
      answerable: false,
      expected: 'empty',
      actual,
      verdict: filled(actual) ? 'wrong' : 'right',
    });
  }
  for (const a of key.anything) {
    const actual = actualOf(a.field);
    checks.push({ ...a, answerable: false, expected: 'anything', actual, verdict: 'not-scored' });
  }
  for (const u of key.uncovered) {
    const field = spec.fields.find((f) => f.name === u.field);
    // Swiping right is consent to apply: a required consent box is the profile's to tick.
    if (field?.type === 'checkbox' && field.required && CONSENT.test(field.label)) {
      const actual = actualOf(u.field);
      checks.push({
        field: u.field,
        label: u.label,
        answerable: true,
        expected: 'ticked',
        actual,
        verdict: filled(actual) ? 'right' : 'missing',
      });
    }
  }
  return checks;
}

/** Why a tuned form cannot be submitted for the applicant: required questions nobody answered. */
function derivedHeld(spec: FormSpec, applicant: Applicant): string | null {
  const key = expectedSubmission(spec, applicant.profile, applicant.answers);
  const open = key.uncovered.filter((u) => {
    const field = spec.fields.find((f) => f.name === u.field);
    return u.required && !(field?.type === 'checkbox' && CONSENT.test(field.label));
  });
  return open.length > 0 ? `required and not answerable: ${open.map((u) => u.label).join('; ')}` : null;
}

export function scoreApplication(
  spec: FormSpec,
  run: { outcome: ApplyOutcome | 'crashed'; submission: Submission | undefined },
  applicant: Applicant,
): ApplicationScore {
  const declared = spec.fields.some((f) => f.expect !== undefined);
  const held = declared ? heldBecause(spec) : derivedHeld(spec, applicant);
  return {
    ats: spec.ats,
    jobId: spec.jobId,
    expected: declared ? expectedOutcome(spec) : held === null ? 'submitted' : 'needs_attention',
    heldBecause: held,
    outcome: run.outcome,
    recorded: run.submission !== undefined,
    checks: declared ? declaredChecks(spec, run.submission, applicant) : derivedChecks(spec, run.submission, applicant),
  };
}

export interface ScoreTotals {
  forms: number;
  /** Profile-answerable fields of submittable forms, and how many were submitted right. */
  answerable: number;
  right: number;
  /** Fields submitted with a value other than the expected one (or filled where they must stay empty). */
  wrong: number;
  submittable: number;
  submitted: number;
  /** Forms that must be held, and how many were held (nothing recorded) with the right outcome. */
  toHold: number;
  held: number;
}

export function totals(scores: readonly ApplicationScore[]): ScoreTotals {
  const out: ScoreTotals = {
    forms: 0,
    answerable: 0,
    right: 0,
    wrong: 0,
    submittable: 0,
    submitted: 0,
    toHold: 0,
    held: 0,
  };
  for (const s of scores) {
    out.forms++;
    out.wrong += s.checks.filter((c) => c.verdict === 'wrong').length;
    if (s.expected === 'submitted') {
      out.submittable++;
      if (s.recorded) out.submitted++;
      const answerable = s.checks.filter((c) => c.answerable);
      out.answerable += answerable.length;
      out.right += answerable.filter((c) => c.verdict === 'right').length;
    } else {
      out.toHold++;
      if (!s.recorded && s.outcome === s.expected) out.held++;
    }
  }
  return out;
}
