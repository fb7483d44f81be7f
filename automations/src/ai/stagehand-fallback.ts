// The optional AI fallback: Stagehand 3.7 with an OpenAI-compatible model, for non-sensitive
// questions the profile and saved answers do not cover. Two calls per question: the model writes
// an answer from the question, its options and a few non-sensitive facts; then Stagehand's act()
// finds the field and fills it, with the answer passed as a variable (the act prompt carries
// `%answer%`, never the text). The runner asks before anything personal is typed into the page,
// so the page text Stagehand sends holds no applicant data.
import type { LLMClient } from '@browserbasehq/stagehand';
import { isSensitiveQuestion } from '@jobswipe/protocol/sensitive';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import type { FilledField, Unanswered } from '../core/types.ts';
import type { AiContext, AiFallback } from './fallback.ts';

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
  /** The model client: an OpenAI-compatible model from settings, or a given LLMClient. */
  model: ModelSettings | { client: LLMClient };
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

  return {
    async fill(page: Page, questions: Unanswered[], ctx: AiContext): Promise<FilledField[]> {
      const filled: FilledField[] = [];
      for (const q of questions) {
        // Defence in depth: the runner filters these out already.
        if (q.sensitive || isSensitiveQuestion(q.label)) continue;
        const text = await answer(q, ctx);
        if (!text) continue;
        const result = await stagehand.act(actInstruction(q), { page, variables: { answer: text } });
        if (result.success) filled.push({ field: q.label, value: text, source: 'ai', ref: 'model' });
      }
      return filled;
    },
    close: () => stagehand.close(),
  };
}

/** For hosts: a fallback factory when LLM_* is configured, else null (no Stagehand is created). */
export function aiFallbackFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): { start(cdpUrl: string): Promise<AiFallback> } | null {
  const model = modelFromEnv(env);
  return model ? { start: (cdpUrl) => startStagehandFallback({ cdpUrl, model }) } : null;
}
