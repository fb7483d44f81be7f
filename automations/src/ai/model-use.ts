// What a host gives the model fallback so model use stays cheap and bounded: a meter that charges
// each call to the user's budget before it is made, a cache of how to operate widgets (per form
// template, shared by every user: it holds no applicant data), and the user's own drafted answers
// (cached per user by the host). The engine imports no database: hosts back these with theirs.
import type { Question } from '@jobswipe/protocol';

/** One reserved model call. */
export interface ModelCharge {
  /** The call ended: corrects its tokens to what the model reported (0: no answer). */
  settle(tokensUsed: number): Promise<void>;
}

/** Thrown inside Stagehand when the budget cannot take another call: the act fails, the user is asked. */
export const BUDGET_SPENT = "The user's monthly model budget is spent.";
export class ModelBudgetSpent extends Error {
  constructor() {
    super(BUDGET_SPENT);
  }
}

export interface ModelMeter {
  /** Reserves one call of about `estimatedTokens`; null: the budget is spent and the call is not made. */
  reserve(estimatedTokens: number): Promise<ModelCharge | null>;
}

/** How to operate one widget: a Stagehand action whose arguments hold `%answer%`, never the answer. */
export interface WidgetAction {
  selector: string;
  description: string;
  method?: string | undefined;
  arguments?: string[] | undefined;
}

export interface ActionCache {
  get(template: string, instruction: string): Promise<WidgetAction | null>;
  put(template: string, instruction: string, action: WidgetAction): Promise<void>;
  /** An action that no longer works on the template is forgotten. */
  drop(template: string, instruction: string): Promise<void>;
}

/** The user's drafted answers, by question key, for some of `questions`. */
export type DraftSource = (questions: Question[]) => Promise<Record<string, string>>;

/**
 * The form template a page belongs to: its host and path with the id-like segments (numbers,
 * uuids, long hex) generalised, so every posting of one employer's board on one ATS shares it.
 */
export function formTemplate(url: string): string {
  const u = new URL(url);
  const path = u.pathname
    .split('/')
    .map((seg) => (/^\d+$|^[0-9a-f-]{16,}$|\d{4,}/i.test(seg) ? '*' : seg))
    .join('/');
  return `${u.host.toLowerCase()}${path}`;
}
