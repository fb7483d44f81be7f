// GET /v1/profile/usage: where the engine used each saved answer and profile field, and which of
// them a form refused, so the user can see and fix what is applied in their name.
import { z } from 'zod';
import { ApplicationStatus } from './status.ts';

export const AnswerUse = z.object({
  applicationId: z.string(),
  title: z.string(),
  company: z.string(),
  status: ApplicationStatus,
  /** The form's own label for the question it answered, and what was filled. */
  field: z.string(),
  value: z.string(),
  at: z.string(),
});
export type AnswerUse = z.infer<typeof AnswerUse>;

export const AnswerUsage = z.object({
  /** What the engine records as the answer's source: `answer:<question key>` or `profile.<field path>`. */
  ref: z.string(),
  /** Newest first. */
  uses: z.array(AnswerUse),
  /** The newest use was refused by the form (its error names the field, or it asked the question again). */
  refused: z.object({ applicationId: z.string(), message: z.string() }).nullable(),
});
export type AnswerUsage = z.infer<typeof AnswerUsage>;

export const AnswerUsageView = z.object({ usage: z.array(AnswerUsage) });
export type AnswerUsageView = z.infer<typeof AnswerUsageView>;

/** The ref of a saved answer, as the engine writes it. */
export const answerRef = (questionKey: string) => `answer:${questionKey}`;
/** The ref of a profile field (a path such as `links.github`). */
export const profileRef = (path: string) => `profile.${path}`;
