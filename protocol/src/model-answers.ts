// POST /v1/devices/model-answers: an executor without a page a model can drive (the extension)
// asks the backend to draft answers to the questions the rules could not answer. One policy for
// every executor: never a sensitive kind (sensitive.ts), never a password or a file, only the
// applicant's non-sensitive facts and the job in the prompt; each draft is the user's own,
// recorded as made by a model and reused for the same question later without a new call.
import { z } from 'zod';
import { Question } from './automation.ts';
import { LeaseToken } from './device.ts';

export const ModelAnswersBody = z.object({
  applicationId: z.string().uuid(),
  /** The lease the asking executor holds on the application. */
  leaseToken: LeaseToken,
  questions: z.array(Question).min(1).max(20),
});
export type ModelAnswersBody = z.infer<typeof ModelAnswersBody>;

export const ModelRefusal = z.enum(['sensitive', 'not_drafted', 'unsure', 'no_model', 'over_budget']);
export type ModelRefusal = z.infer<typeof ModelRefusal>;

export const ModelAnswersResponse = z.object({
  answers: z.array(
    z.object({
      key: z.string(),
      answer: z.string(),
      /** Always "ai": shown as a model's answer in the application's detail. */
      source: z.literal('ai'),
      /** True when the user's earlier draft for this question was reused (no model call). */
      cached: z.boolean(),
    }),
  ),
  /**
   * Questions left to the user: sensitive, a kind a model never drafts (file, password), the model
   * was unsure, or the user's monthly model budget (plan) is spent.
   */
  refused: z.array(z.object({ key: z.string(), reason: ModelRefusal })),
});
export type ModelAnswersResponse = z.infer<typeof ModelAnswersResponse>;
