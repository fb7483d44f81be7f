// What an executor hands the automation engine (the applicant) and what it gets back (the
// result). The server worker, the desktop agent and the extension all speak these shapes.
import { z } from 'zod';
import { ErrorClass, type EvidenceKind } from './domain.ts';
import { normalizeQuestion } from './questions.ts';

const text = z.string().max(5_000);
const optionalText = text.optional();
/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
/** A month, YYYY-MM (resumes rarely say the day). */
const IsoMonth = z.string().regex(/^\d{4}-\d{2}$/, 'must be a month written YYYY-MM');

/** One job of the applicant's work history, newest first (Workday's "My Experience" asks for it). */
export const WorkEntry = z.object({
  company: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  location: z.string().max(200).optional(),
  start: IsoMonth.optional(),
  /** Absent while `current`. */
  end: IsoMonth.optional(),
  current: z.boolean().default(false),
  description: z.string().max(5_000).optional(),
});
export type WorkEntry = z.infer<typeof WorkEntry>;

export const EducationEntry = z.object({
  school: z.string().trim().min(1).max(200),
  degree: z.string().max(200).optional(),
  field: z.string().max(200).optional(),
  start: IsoMonth.optional(),
  end: IsoMonth.optional(),
});
export type EducationEntry = z.infer<typeof EducationEntry>;

/** Everything a form may ask that the user told us once. */
export const ApplicantProfile = z.object({
  firstName: z.string().max(200),
  lastName: z.string().max(200),
  email: z.string().max(320),
  phone: z.string().max(50).default(''),
  links: z
    .object({
      linkedin: optionalText,
      github: optionalText,
      portfolio: optionalText,
      website: optionalText,
      twitter: optionalText,
    })
    .default({}),
  location: z
    .object({
      city: optionalText,
      region: optionalText,
      country: optionalText,
      postalCode: optionalText,
      addressLine: optionalText,
    })
    .default({}),
  workAuthorization: z
    .object({
      /** Countries the applicant may work in without a new visa, as names or ISO codes. */
      authorizedCountries: z.array(z.string().max(100)).max(50).default([]),
      requiresSponsorship: z.boolean().nullable().default(null),
    })
    .default({ authorizedCountries: [], requiresSponsorship: null }),
  salaryExpectation: z
    .object({
      amount: z.number().int().nonnegative(),
      currency: z.string().length(3),
      period: z.enum(['year', 'month', 'hour']),
    })
    .nullable()
    .default(null),
  noticePeriod: z.string().max(200).nullable().default(null),
  currentCompany: z.string().max(200).nullable().default(null),
  currentTitle: z.string().max(200).nullable().default(null),
  yearsOfExperience: z.number().int().min(0).max(80).nullable().default(null),
  /** The first day the applicant could start a new job. */
  earliestStartDate: IsoDate.nullable().default(null),
  /** What to answer "How did you hear about us?" with when nothing more specific is known. */
  referralSource: z.string().max(200).nullable().default(null),
  /** 18 or older (the legal working age most forms ask about). */
  legalAge: z.boolean().nullable().default(null),
  willingToRelocate: z.boolean().nullable().default(null),
  /** Read from the resume and confirmed by the user; newest first. */
  workHistory: z.array(WorkEntry).max(30).default([]),
  education: z.array(EducationEntry).max(20).default([]),
  /** Each EEO answer is the user's own choice, or "decline" to decline where the form offers it. */
  eeo: z
    .object({
      gender: optionalText,
      race: optionalText,
      hispanicLatino: optionalText,
      veteran: optionalText,
      disability: optionalText,
    })
    .default({}),
  coverLetter: z.string().max(20_000).nullable().default(null),
});
export type ApplicantProfile = z.infer<typeof ApplicantProfile>;

/** A saved answer: text, one option, several options, or yes/no. */
export const AnswerValue = z.union([z.string().max(10_000), z.array(z.string().max(1_000)).max(100), z.boolean()]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Saved answers keyed by `normalizeQuestion(question)`. */
export const SavedAnswers = z.record(z.string().max(1_000), AnswerValue);
export type SavedAnswers = z.infer<typeof SavedAnswers>;

export const FieldType = z.enum([
  'text',
  'email',
  'tel',
  'url',
  'number',
  'textarea',
  'select',
  'combobox',
  'radio',
  'checkbox',
  'checkbox_group',
  'yes_no',
  'date',
  'location',
  'file',
  'password',
]);
export type FieldType = z.infer<typeof FieldType>;

/** The longest model draft a question carries back to the user (a draft is a few hundred tokens). */
export const MAX_DRAFT_CHARS = 2_000;

/** A question the engine could not answer from the profile or saved answers. */
export const Question = z.object({
  key: z.string(),
  label: z.string(),
  type: FieldType,
  options: z.array(z.string()).optional(),
  required: z.boolean(),
  /** The model's draft, for the user to accept or edit (asked because they review drafted answers). */
  draft: z.string().max(MAX_DRAFT_CHARS).optional(),
});
export type Question = z.infer<typeof Question>;

/**
 * What a site that needs an account (a login wall, Workday's candidate account) asks the user
 * once: the password JobSwipe signs in with, or creates the account with, using the profile's
 * email. The backend keeps the answer encrypted, apart from saved answers, and hands it only to
 * the executor holding the lease on an application for that site.
 */
export function accountPasswordQuestion(host: string): Question {
  return {
    key: `${ACCOUNT_PASSWORD_KEY} ${host.toLowerCase()}`,
    label: `${ACCOUNT_PASSWORD_LABEL} ${host} (used with your profile email to sign in, or to create the account)`,
    type: 'password',
    required: true,
  };
}
export const ACCOUNT_PASSWORD_KEY = 'jobswipe account password';
const ACCOUNT_PASSWORD_LABEL = 'Password for your account on';

/**
 * Whether a question as a user typed it back (the key or the label, in any letter case, spacing or
 * punctuation) asks for a site's account password: such an answer is sealed, never a saved answer.
 */
export function isAccountPasswordText(question: string): boolean {
  const text = normalizeQuestion(question);
  return [ACCOUNT_PASSWORD_KEY, ACCOUNT_PASSWORD_LABEL].some((start) =>
    text.startsWith(`${normalizeQuestion(start)} `),
  );
}

/** The site an account-password question is for, or null for any other question. */
export function accountPasswordHost(question: Pick<Question, 'key' | 'type'>): string | null {
  if (question.type !== 'password' || !question.key.startsWith(`${ACCOUNT_PASSWORD_KEY} `)) return null;
  return question.key.slice(ACCOUNT_PASSWORD_KEY.length + 1);
}

export const FillSource = z.enum(['profile', 'answer', 'resume', 'default', 'ai']);
export type FillSource = z.infer<typeof FillSource>;

/**
 * One field an attempt filled, and where the answer came from: `ref` names the profile field
 * (`profile.workAuthorization.requiresSponsorship`), the saved answer (`answer:<question key>`),
 * the default rule or the model, so the user sees what answered what.
 */
export const FilledField = z.object({
  field: z.string().max(1_000),
  value: z.string().max(2_000),
  source: FillSource,
  ref: z.string().max(1_000).optional(),
});
export type FilledField = z.infer<typeof FilledField>;

export const ApplyOutcome = z.enum(['submitted', 'needs_attention', 'failed', 'expired', 'blocked']);
export type ApplyOutcome = z.infer<typeof ApplyOutcome>;

/** What an evidence file of an attempt is: a saved page, else the confirmation page or a screenshot. */
export function evidenceKind(path: string, outcome: ApplyOutcome): EvidenceKind {
  if (path.toLowerCase().endsWith('.html')) return 'page_html';
  return outcome === 'submitted' ? 'confirmation_page' : 'screenshot';
}

/**
 * Progress steps, in order. `submitting` is the pre-submit checkpoint: once an attempt reported
 * it, a later attempt must first verify on the ATS whether the application already went through.
 */
export const APPLY_STEPS = ['open', 'detect', 'login', 'fill', 'upload', 'review', 'submitting', 'confirm'] as const;
export const ApplyStep = z.enum([...APPLY_STEPS, 'verify']);
export type ApplyStep = z.infer<typeof ApplyStep>;
export const SUBMITTING_STEP = 'submitting' satisfies ApplyStep;

export const Progress = z.object({
  step: ApplyStep,
  percent: z.number().int().min(0).max(100),
  message: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

export const ApplyResult = z.object({
  outcome: ApplyOutcome,
  errorClass: ErrorClass.nullable(),
  message: z.string().nullable(),
  filled: z.array(FilledField),
  unanswered: z.array(Question),
  confirmation: z.string().nullable(),
  /** Paths of screenshots and saved pages, in the order they were taken. */
  evidence: z.array(z.string()),
  timings: z.record(z.string(), z.number()),
  /** A dry run stopped with the form filled, just before the final submit. */
  dryRun: z.boolean().optional(),
  /**
   * The final submit was clicked and the form refused it (validation errors, a challenge shown
   * after the click): proof nothing was submitted, so the `submitting` checkpoint no longer holds.
   */
  submitRefused: z.boolean().optional(),
});
export type ApplyResult = z.infer<typeof ApplyResult>;
