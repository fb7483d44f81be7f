// The answer key of a practice form: every field the form submits, what it asks for in terms of
// the applicant's profile (or which custom question it is), and the rules the server enforces.
// The same spec drives the page rendering, the server-side validation and `expectedSubmission`.
import { type FieldType, normalizeQuestion } from '@jobswipe/protocol';
import type { Expectation } from './expectation.ts';

export const ATS_KINDS = [
  'greenhouse',
  'lever',
  'ashby',
  'workday',
  'smartrecruiters',
  'icims',
  'workable',
  'careers',
] as const;
/** ATSs only the never-tuned split has forms for (no board, API or tuned form of their own). */
export const NEVER_TUNED_ONLY_KINDS = ['bamboohr', 'jobvite', 'teamtailor', 'recruitee'] as const;
export type AtsKind = (typeof ATS_KINDS)[number] | (typeof NEVER_TUNED_ONLY_KINDS)[number];

/**
 * Which practice set a form belongs to: `tuned` (the forms the engine was developed against) or
 * `never-tuned` (written from public descriptions of the real sites, never used to tune the engine,
 * so its figures say how the engine does on forms it has not seen).
 */
export const SPLITS = ['tuned', 'never-tuned'] as const;
export type Split = (typeof SPLITS)[number];

/** A value the `ApplicantProfile` holds (or derives: the full name, the formatted location). */
export type ProfilePath =
  | 'profile.firstName'
  | 'profile.lastName'
  | 'profile.fullName'
  | 'profile.email'
  | 'profile.phone'
  | 'profile.links.linkedin'
  | 'profile.links.github'
  | 'profile.links.portfolio'
  | 'profile.links.website'
  | 'profile.links.twitter'
  | 'profile.location'
  | 'profile.location.city'
  | 'profile.location.region'
  | 'profile.location.country'
  | 'profile.location.postalCode'
  | 'profile.location.addressLine'
  | 'profile.workAuthorization.authorizedCountries'
  | 'profile.workAuthorization.requiresSponsorship'
  | 'profile.salaryExpectation'
  | 'profile.noticePeriod'
  | 'profile.currentCompany'
  | 'profile.currentTitle'
  | 'profile.yearsOfExperience'
  | 'profile.eeo.gender'
  | 'profile.eeo.race'
  | 'profile.eeo.hispanicLatino'
  | 'profile.eeo.veteran'
  | 'profile.eeo.disability'
  | 'profile.coverLetter'
  | 'profile.earliestStartDate'
  | 'profile.willingToRelocate'
  /** With `company`: "have you worked for this company?" (yes/no), from the confirmed work history. */
  | 'profile.workHistory';

export type Asks =
  /**
   * `country` narrows `authorizedCountries` to "may you work in this country?" (yes/no) and
   * `requiresSponsorship` to "would you need a visa to work there?"; `company`
   * narrows `workHistory` to "have you worked for this company?".
   */
  | { kind: 'profile'; path: ProfilePath; country?: string; company?: string }
  /**
   * A custom question: its saved answer is keyed by `key` (= normalizeQuestion(label)); `means`
   * names the kind of question it is, so an answer saved in other words answers it too.
   */
  | { kind: 'question'; label: string; key: string; means?: QuestionMeaning }
  /** A document the applicant uploads; `pasted` marks the "enter manually" text alternative. */
  | { kind: 'document'; document: 'resume' | 'coverLetter'; pasted?: boolean }
  /** A trap for bots: must stay empty, and a filled one makes the server drop the application. */
  | { kind: 'honeypot' }
  /** Filled by the page itself (ids, tokens); not the applicant's business. */
  | { kind: 'system' };

/**
 * Questions every ATS asks in its own words, which one saved answer (or the profile) answers
 * whatever the wording: where the applicant heard of the job, and the kind of phone they gave
 * (the profile keeps one number and does not say; any option is right).
 */
export type QuestionMeaning = 'referralSource' | 'phoneType';

export interface FieldOption {
  /** What the form submits (an option id on some ATSs, the label on others). */
  value: string;
  label: string;
  /** The first level of a two-level picker this option sits under (Workday's "Social Media"). */
  group?: string;
}

export type FieldFormat = 'email' | 'phone' | 'url';

export interface FieldSpec {
  /** The key under which the value is submitted and recorded. */
  name: string;
  /** The DOM id of the control (stable except on the shuffled-layout scenario). */
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  asks: Asks;
  options?: FieldOption[];
  /** Validation the ATS applies beyond `required`. */
  format?: FieldFormat;
  /** Date fields: how the value is written. */
  dateFormat?: 'iso' | 'mdy';
  /** File fields: allowed extensions (lower case, with dot) and the size limit. */
  accept?: readonly string[];
  maxBytes?: number;
  /** Where the field sits on the page (a section heading or wizard step). */
  section?: string;
  placeholder?: string;
  description?: string;
  /** The field this one may replace (a pasted resume instead of the resume file). */
  alternativeTo?: string;
  /** System fields: the value the page itself fills in (a hidden question id). */
  value?: string;
  /** Never-tuned forms: what a correct application holds here for the split's fixed applicant. */
  expect?: Expectation;
}

export interface FormSpec {
  ats: AtsKind;
  board: string;
  jobId: string;
  /** The page the form is on. */
  url: string;
  /** Where the form posts (multipart), as its page or its script does. */
  submitUrl: string;
  fields: FieldSpec[];
  /** A CAPTCHA challenge the page shows (a block) or only an invisible container (not one). */
  captcha?: 'visible' | 'invisible';
}

/** The answer key of a posting's form; `submitUrl` defaults to the page itself (a plain form post). */
export function formOf(
  ats: AtsKind,
  posting: { company: { board: string }; externalId: string },
  fields: FieldSpec[],
  url: string,
  submitUrl: string = url,
): FormSpec {
  return { ats, board: posting.company.board, jobId: posting.externalId, url, submitUrl, fields };
}

/** A field spec; `more` adds or overrides (id, section, format...). The id defaults to the name. */
export function specField(
  name: string,
  label: string,
  type: FieldType,
  required: boolean,
  asks: Asks,
  more: Partial<FieldSpec> = {},
): FieldSpec {
  return { name, id: name, label, type, required, asks, ...more };
}

export function profile(path: ProfilePath, country?: string): Asks {
  return country === undefined ? { kind: 'profile', path } : { kind: 'profile', path, country };
}

/** "Have you worked for <company> before?", answered from the work history. */
export function workedFor(company: string): Asks {
  return { kind: 'profile', path: 'profile.workHistory', company };
}

export function question(label: string, means?: QuestionMeaning): Asks {
  const key = normalizeQuestion(label);
  return means === undefined ? { kind: 'question', label, key } : { kind: 'question', label, key, means };
}

export function document(document: 'resume' | 'coverLetter', pasted = false): Asks {
  return pasted ? { kind: 'document', document, pasted } : { kind: 'document', document };
}

export function options(labels: readonly string[], value: (label: string, index: number) => string = (l) => l) {
  return labels.map((label, i) => ({ label, value: value(label, i) }));
}

/** The field that holds the applicant's email, used to find earlier applications. */
export function emailField(spec: FormSpec): FieldSpec | undefined {
  return spec.fields.find((f) => f.asks.kind === 'profile' && f.asks.path === 'profile.email');
}
