// The optional AI fallback: Stagehand 3.7 with an OpenAI-compatible model, for non-sensitive
// questions the profile and saved answers do not cover. Per question: an answer, from the host's
// drafts (the user's own, cached per user) or else written here by the model from the question, its
// options and a few non-sensitive facts; then the widget is operated with the answer passed as a
// variable (the act prompt carries `%answer%`, never the text). How to operate a widget is learned
// once per form template and shared (the host's action cache), so a later user of the template
// needs no model call for it. Each call Stagehand makes is charged to the user's budget first (the
// host's meter); a spent budget leaves the question to the user. The runner asks before anything
// personal is typed into the page, so the page text Stagehand sends holds no applicant data.
import type { LLMClient, ModelConfiguration } from '@browserbasehq/stagehand';
import { isSensitiveQuestion } from '@jobswipe/protocol/sensitive';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import type { FilledField, Unanswered } from '../core/types.ts';
import type { AiContext, AiFallback } from './fallback.ts';
import {
  type ActionCache,
  BUDGET_SPENT,
  type DraftSource,
  formTemplate,
  ModelBudgetSpent,
  type ModelMeter,
  type WidgetAction,
} from './model-use.ts';

export interface ModelSettings {
  baseURL: string;
  model: string;
  apiKey: string;
}

/** The model from LLM_BASE_URL, LLM_MODEL and LLM_API_KEY, or null when not configured. */
export function modelFromEnv(env: NodeJS.ProcessEnv = process.env): ModelSettings | null {
  if (!env.LLM_BASE_URL || !env.LLM_MODEL) return null;
  return { baseURL: env.LLM_BASE_URL, model: env.LLM_MODEL, apiKey: env.LLM_API_KEY ?? '' };
}

const Answer = z.object({
  answer: z.string().describe('The answer to put in the form, or an empty string when unsure.'),
});

function answerPrompt(q: Unanswered, ctx: AiContext): string {
  const lines = [
    `A job applicant is filling in an application form on the page "${ctx.pageTitle}".`,
    `Question: ${q.label}`,
    `Field type: ${q.type}`,
  ];
  if (q.options?.length) lines.push(`Answer with exactly one of these options: ${q.options.join(' | ')}`);
  if (ctx.currentTitle) lines.push(`The applicant's current job title: ${ctx.currentTitle}`);
  if (ctx.yearsOfExperience !== null) lines.push(`Years of professional experience: ${ctx.yearsOfExperience}`);
  lines.push('Write a short, honest, professional answer in the first person. Return an empty answer when unsure.');
  return lines.join('\n');
}

function actInstruction(q: Unanswered): string {
  if (q.options?.length) return `Choose the option %answer% for the question "${q.label}"`;
  return `Type %answer% into the field labelled "${q.label}"`;
}

export interface StagehandFallbackOptions {
  /** DevTools endpoint of the browser the runner drives. */
  cdpUrl: string;
  /**
   * The model client: an OpenAI-compatible model from settings, or a given LLMClient (one that
   * charges the budget itself throws ModelBudgetSpent when it is spent).
   */
  model: ModelSettings | { client: LLMClient };
  /** Charges every call Stagehand makes to the user's budget (settings models only); none: not counted. */
  meter?: ModelMeter;
  /** Widget actions learned per form template, shared by every user; none: each widget asks the model. */
  actions?: ActionCache;
  /** The user's drafted answers from the host; none: the model drafts them here. */
  drafts?: DraftSource;
}

/** A rejection handler: `fallback` when the budget was spent (Stagehand may rewrap the error), else rethrows. */
function unlessBudgetSpent<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if (err instanceof ModelBudgetSpent || String((err as Error)?.message).includes(BUDGET_SPENT)) return fallback;
    throw err;
  };
}

type Middleware = NonNullable<Extract<ModelConfiguration, { modelName: string }>['middleware']>;

/** AI SDK middleware that reserves each call on the meter before it is made and settles it after. */
function metered(meter: ModelMeter): Middleware {
  return {
    async wrapGenerate({ doGenerate, params }) {
      // Stagehand asks for no completion limit: a few thousand tokens cover its action replies.
      const estimate = Math.ceil(JSON.stringify(params.prompt).length / 3) + 2_000;
      const charge = await meter.reserve(estimate);
      if (!charge) throw new ModelBudgetSpent();
      try {
        const result = await doGenerate();
        await charge.settle(result.usage.totalTokens ?? estimate);
        return result;
      } catch (err) {
        await charge.settle(0);
        throw err;
      }
    },
  };
}

/** Whether the element at a cached action's selector is still the one labelled with `label`. */
async function stillLabelled(page: Page, selector: string, label: string): Promise<boolean> {
  try {
    const names = await page
      .locator(selector)
      .first()
      .evaluate(
        // No named helpers inside: tsx would wrap them in a __name() the page does not have.
        (el) =>
          [
            ...('labels' in el ? Array.from((el as HTMLInputElement).labels ?? [], (l) => l.textContent) : []),
            el.getAttribute('aria-label'),
            ...(el.getAttribute('aria-labelledby') ?? '')
              .split(/\s+/)
              .map((id) => (id ? document.getElementById(id)?.textContent : '')),
          ].join(' '),
        undefined,
        { timeout: 2_000 },
      );
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
    return norm(names).includes(norm(label));
  } catch {
    return false;
  }
}

/** Starts Stagehand attached to the runner's browser. Only call it when a model is configured. */
export async function startStagehandFallback(options: StagehandFallbackOptions): Promise<AiFallback> {
  const model =
    'client' in options.model
      ? { llmClient: options.model.client }
      : {
          model: {
            modelName: `openai/${options.model.model}`,
            baseURL: options.model.baseURL,
            apiKey: options.model.apiKey,
            openaiEndpointFormat: 'chat' as const,
            ...(options.meter ? { middleware: metered(options.meter) } : {}),
          },
        };
  // Loaded only when a model is configured: Stagehand is large and most runs never need it.
  const { Stagehand } = await import('@browserbasehq/stagehand');
  const stagehand = new Stagehand({
    env: 'LOCAL',
    localBrowserLaunchOptions: { cdpUrl: options.cdpUrl },
    ...model,
    disablePino: true,
    verbose: 0,
    disableAPI: true,
    selfHeal: false,
    // The runner settles the page itself; Stagehand's own wait would add seconds per question.
    domSettleTimeout: 500,
  });
  await stagehand.init();

  async function answer(q: Unanswered, ctx: AiContext): Promise<string> {
    const response = await stagehand.llmClient.createChatCompletion<z.infer<typeof Answer>>({
      options: {
        messages: [{ role: 'user', content: answerPrompt(q, ctx) }],
        response_model: { name: 'jobswipe_answer', schema: Answer },
      },
      logger: () => {},
    });
    return Answer.parse(response.data).answer.trim();
  }

  /** Drafts for `open`: the host's (per user, budgeted) or the model's here. */
  async function drafted(open: Unanswered[], ctx: AiContext): Promise<Record<string, string>> {
    if (options.drafts) return options.drafts(open.map(({ sensitive: _, ...q }) => q));
    const out: Record<string, string> = {};
    for (const q of open) out[q.key] = await answer(q, ctx).catch(unlessBudgetSpent(''));
    return out;
  }

  /**
   * Operates the widget of `q` with `text`: the template's known action when its element is still
   * the one labelled so (no model call), else the model plans one (observe), learned for the template.
   * False when the model could not (or the budget is spent): the question stays open for the user.
   */
  async function operate(page: Page, q: Unanswered, text: string): Promise<boolean> {
    const instruction = actInstruction(q);
    const variables = { answer: text };
    const template = formTemplate(page.url());
    const known = await options.actions?.get(template, instruction);
    if (known && (await stillLabelled(page, known.selector, q.label))) {
      if ((await stagehand.act(known, { page, variables })).success) return true;
      await options.actions?.drop(template, instruction);
    }
    // Plan with observe, then act on the plan without the model. An act that failed is never
    // repeated (it may have typed half an answer into something else): the page is observed again
    // for a new plan, once.
    for (let plans = 0; plans < 2; plans++) {
      const planned = await stagehand.observe(instruction, { page, variables }).catch(unlessBudgetSpent(null));
      if (!planned) return false;
      const action: WidgetAction | undefined = planned[0];
      // Only an action that holds the placeholder, never the answer, may be run and shared.
      if (!action || JSON.stringify(action).includes(text)) continue;
      const done = await stagehand.act(action, { page, variables }).catch(() => null);
      if (done?.success) {
        await options.actions?.put(template, instruction, action);
        return true;
      }
    }
    return false;
  }

  /** Questions (by page and key) the model left unanswered or could not operate: not asked again at the next step. */
  const failed = new Set<string>();

  return {
    async fill(page: Page, questions: Unanswered[], ctx: AiContext): Promise<FilledField[]> {
      // Defence in depth: the runner filters these out already.
      const open = questions.filter(
        (q) => !q.sensitive && !isSensitiveQuestion(q.label) && !failed.has(`${page.url()}\n${q.key}`),
      );
      if (!open.length) return [];
      const drafts = await drafted(open, ctx);
      const filled: FilledField[] = [];
      for (const q of open) {
        const text = drafts[q.key]?.trim();
        if (text && (await operate(page, q, text)))
          filled.push({ field: q.label, value: text, source: 'ai', ref: 'model' });
        else failed.add(`${page.url()}\n${q.key}`);
      }
      return filled;
    },
    close: () => stagehand.close(),
  };
}

/** What a host adds for one application: its user's meter, the shared actions, the user's drafts. */
export type ModelUseOptions = Pick<StagehandFallbackOptions, 'meter' | 'actions' | 'drafts'>;

/** For hosts: a fallback factory when LLM_* is configured, else null (no Stagehand is created). */
export function aiFallbackFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): { start(cdpUrl: string, use?: ModelUseOptions): Promise<AiFallback> } | null {
  const model = modelFromEnv(env);
  return model ? { start: (cdpUrl, use) => startStagehandFallback({ cdpUrl, model, ...use }) } : null;
}
