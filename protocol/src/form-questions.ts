// A job's application form as questions, known before anyone swipes: one schema whatever the
// source (an ATS's public board API, a scan of the form page, or the first real application to
// a posting whose later steps no scan can see). The backend stores it with the job; the deck
// asks the engine's answer policy which of them a user still owes.
import { z } from 'zod';
import { FieldType, Question } from './automation.ts';

export const FormQuestionSource = z.enum(['board_api', 'page_scan', 'application']);
export type FormQuestionSource = z.infer<typeof FormQuestionSource>;

/** One control (or group of controls) of the form, as the engine reads a field. */
export const FormQuestion = z.object({
  /** `normalizeQuestion(label)`: the key a saved answer to it is stored under. */
  key: z.string().max(1_000),
  label: z.string().max(1_000),
  type: FieldType,
  options: z.array(z.string().max(1_000)).max(500).optional(),
  required: z.boolean(),
  /** The control's name / id attributes, lower-cased: what the engine reads when a label is silent. */
  hints: z.string().max(1_000).default(''),
  /** Which page of a wizard asks it: 0 for the first (or only) one. */
  step: z.number().int().min(0).max(50).default(0),
});
export type FormQuestion = z.infer<typeof FormQuestion>;

/** What is known of a job's form. */
export const JobQuestions = z.object({
  source: FormQuestionSource,
  /**
   * False when some steps could not be seen (behind an account or a validating POST, as on
   * Workday): the questions listed are only those of the steps seen.
   */
  complete: z.boolean(),
  questions: z.array(FormQuestion).max(500),
  checkedAt: z.string(),
});
export type JobQuestions = z.infer<typeof JobQuestions>;

/**
 * For one user and one card: the required questions neither the profile nor a saved answer
 * answers, decided by the same policy the engine fills forms with; or that the form has not been
 * read yet (the card can still be swiped; the run asks what it must).
 */
export const OwedQuestions = z.discriminatedUnion('checked', [
  z.object({ checked: z.literal(false) }),
  z.object({
    checked: z.literal(true),
    /** False when later steps of the form are not known yet: more may be asked during the run. */
    complete: z.boolean(),
    owed: z.array(Question),
  }),
]);
export type OwedQuestions = z.infer<typeof OwedQuestions>;
