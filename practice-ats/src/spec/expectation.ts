// What a never-tuned form's field must hold after a correct application by the split's one fixed
// applicant (`never-tuned/applicant/`), declared field by field in the form's spec. Unlike the
// tuned forms' answer keys, nothing here is derived from the engine's notion of a question: the
// value is written out, with where it comes from, so a reader can check it against the profile
// and the answer sheet by eye.
import type { ApplyOutcome } from '@jobswipe/protocol';
import type { FieldSpec, FormSpec } from './form-spec.ts';

export type Expectation =
  /** A typed value (compared by the field's kind: phone digits, URL, email, salary digits...). */
  | { kind: 'value'; value: string; from: string }
  /** One option, named by its label (the scorer accepts its submitted value or the label). */
  | { kind: 'option'; label: string; from: string }
  /** A ticked checkbox (consent to apply, or a box the answer sheet says yes to). */
  | { kind: 'checked'; from: string }
  /** The applicant's resume file, byte for byte. */
  | { kind: 'resume' }
  /** The date of the day the application is sent (self-identification forms ask for it). */
  | { kind: 'today' }
  /** Must stay empty: a honeypot, a marketing opt-in, a cover-letter slot with no cover letter. */
  | { kind: 'empty'; why: string }
  /**
   * Neither the profile nor the answer sheet answers it: the applicant must be asked. A required
   * one makes the form not submittable; an optional one must stay empty (any value is a guess).
   */
  | { kind: 'ask'; why: string }
  /** Anything the form accepts is right (a phone's device type nobody told us). Not scored. */
  | { kind: 'any'; why: string };

/** The fields whose right value the applicant's profile or answer sheet gives. */
export function isAnswerable(e: Expectation): boolean {
  return e.kind === 'value' || e.kind === 'option' || e.kind === 'checked' || e.kind === 'resume' || e.kind === 'today';
}

export const is = (value: string, from: string): Expectation => ({ kind: 'value', value, from });
export const pick = (label: string, from: string): Expectation => ({ kind: 'option', label, from });
export const ticked = (from: string): Expectation => ({ kind: 'checked', from });
export const RESUME: Expectation = { kind: 'resume' };
export const TODAY: Expectation = { kind: 'today' };
export const empty = (why: string): Expectation => ({ kind: 'empty', why });
export const ask = (why: string): Expectation => ({ kind: 'ask', why });
export const any = (why: string): Expectation => ({ kind: 'any', why });

/** Consent to the employer processing the application: swiping right is that consent. */
export const CONSENT = ticked('consent to apply (the swipe)');

/** Why a form cannot be submitted for the applicant, or null when it can. */
export function heldBecause(spec: FormSpec): string | null {
  if (spec.captcha === 'visible') return 'the page shows a CAPTCHA challenge';
  const unanswered = spec.fields.filter((f) => f.required && f.expect?.kind === 'ask');
  if (unanswered.length > 0) return `required and not answerable: ${unanswered.map((f) => f.label).join('; ')}`;
  return null;
}

/** The outcome a correct engine reports on the form: submitted, or held with nothing sent. */
export function expectedOutcome(spec: FormSpec): Extract<ApplyOutcome, 'submitted' | 'needs_attention' | 'blocked'> {
  if (spec.captcha === 'visible') return 'blocked';
  return heldBecause(spec) === null ? 'submitted' : 'needs_attention';
}

/** Every applicant-facing field of a never-tuned spec must say what it expects. */
export function undeclaredFields(spec: FormSpec): FieldSpec[] {
  return spec.fields.filter((f) => f.asks.kind !== 'system' && f.expect === undefined);
}
