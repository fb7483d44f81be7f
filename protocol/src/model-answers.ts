// POST /v1/devices/model-answers: an executor without a page a model can drive (the extension)
// asks the backend to draft answers to the questions the rules could not answer. One policy for
// every executor: never a sensitive kind (sensitive.ts), never a password or a file, only the
// applicant's non-sensitive facts and the job in the prompt; each draft is the user's own,
// recorded as made by a model and reused for the same question later without a new call.
// An executor with a CDP page but no model key (the desktop agent) also reads and writes the shared
// widget actions (how to operate a widget, per form template) and relays Stagehand's model calls
// through the backend, which holds the key and charges the user's budget first. All lease-scoped.
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

/** What every lease-scoped model request names: the application and the lease held on it. */
const HeldApplication = z.object({
  applicationId: z.string().uuid(),
  /** The lease the asking executor holds on the application. */
  leaseToken: LeaseToken,
});

/** The placeholder a shared widget action types instead of an answer. */
export const ANSWER_PLACEHOLDER = '%answer%';

/**
 * How to operate one widget (a Stagehand action), shared by every user of the form template: its
 * arguments may only be the `%answer%` placeholder, never an answer.
 */
export const WidgetAction = z.object({
  selector: z.string().min(1).max(2_000),
  description: z.string().max(500),
  method: z.string().max(40).optional(),
  arguments: z
    .array(z.literal(ANSWER_PLACEHOLDER))
    .max(4)
    .optional()
    .describe('only the placeholder "%answer%": the answer itself is never shared'),
});
export type WidgetAction = z.infer<typeof WidgetAction>;

/** Which shared action: the form template (formTemplate() of the page's URL) and the act instruction. */
export const ModelActionKey = HeldApplication.extend({
  template: z.string().min(1).max(500),
  instruction: z.string().min(1).max(1_000),
});
export type ModelActionKey = z.infer<typeof ModelActionKey>;

export const ModelActionBody = ModelActionKey.extend({ action: WidgetAction });
export type ModelActionBody = z.infer<typeof ModelActionBody>;

export const ModelActionView = z.object({ action: WidgetAction.nullable() });
export type ModelActionView = z.infer<typeof ModelActionView>;

/** The largest model request the relay takes (Stagehand sends the page's accessibility tree). */
export const MODEL_RELAY_MAX_BYTES = 2 * 1024 * 1024;

/** One model call of Stagehand's, relayed: chat messages and, for structured answers, a JSON schema. */
export const ModelRelayBody = HeldApplication.extend({
  messages: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }))
    .min(1)
    .max(20),
  /** The answer's JSON schema (OpenAI's `response_format: json_schema`); none: free text. */
  responseSchema: z.object({ name: z.string().max(100), schema: z.record(z.string(), z.unknown()) }).optional(),
  temperature: z.number().min(0).max(2).optional(),
});
export type ModelRelayBody = z.infer<typeof ModelRelayBody>;

export const ModelRelayResponse = z.object({
  /** The model's reply (JSON text when a schema was given). */
  content: z.string(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() }),
});
export type ModelRelayResponse = z.infer<typeof ModelRelayResponse>;
