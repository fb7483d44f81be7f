// The model behind LLM_BASE_URL / LLM_MODEL: an OpenAI-compatible chat completions endpoint,
// asked for one short answer as JSON (drafts), or relaying one of an executor's Stagehand calls.
// The API key goes in the Authorization header only.
import type { ModelRelayBody, ModelRelayResponse } from '@jobswipe/protocol';
import { z } from 'zod';

export interface ModelSettings {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
}

const Completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z
    .object({
      prompt_tokens: z.number().optional(),
      completion_tokens: z.number().optional(),
      total_tokens: z.number(),
    })
    .optional(),
});
const Drafted = z.object({ answer: z.string() });

/** The longest answer asked for: a form's free-text answer, not an essay. */
export const MAX_ANSWER_TOKENS = 400;

/** One chat completion from the model; the API key goes in the Authorization header only. */
async function chatCompletion(settings: ModelSettings, request: Record<string, unknown>, signal: AbortSignal) {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
    },
    body: JSON.stringify({ model: settings.model, ...request }),
    signal,
  });
  if (!response.ok) throw new Error(`The model at ${url} answered HTTP ${response.status}.`);
  const completion = Completion.parse(await response.json());
  return { content: completion.choices[0]?.message.content ?? '', usage: completion.usage };
}

/** Asks the model; resolves to its answer ('' when it is unsure) and the tokens the call used. */
export async function askModel(
  settings: ModelSettings,
  system: string,
  prompt: string,
  signal?: AbortSignal,
): Promise<{ answer: string; tokens: number }> {
  const { content, usage } = await chatCompletion(
    settings,
    {
      temperature: 0,
      max_tokens: MAX_ANSWER_TOKENS,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: prompt },
      ],
    },
    signal ?? AbortSignal.timeout(30_000),
  );
  // A server that reports no usage is charged what was reserved for the call.
  const tokens = usage?.total_tokens ?? Math.ceil((system.length + prompt.length) / 3) + MAX_ANSWER_TOKENS;
  try {
    return { answer: Drafted.parse(JSON.parse(content)).answer.trim(), tokens };
  } catch {
    return { answer: content.trim(), tokens };
  }
}

/**
 * Relays one of Stagehand's calls (an executor's, made through the backend's model relay): its
 * messages, and its JSON schema as OpenAI's structured output. `estimate`: what was reserved for it,
 * charged when the server reports no usage.
 */
export async function relayToModel(
  settings: ModelSettings,
  body: Pick<ModelRelayBody, 'messages' | 'responseSchema' | 'temperature'>,
  estimate: number,
): Promise<ModelRelayResponse> {
  const { content, usage } = await chatCompletion(
    settings,
    {
      messages: body.messages,
      ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
      ...(body.responseSchema
        ? { response_format: { type: 'json_schema', json_schema: { ...body.responseSchema, strict: true } } }
        : {}),
    },
    AbortSignal.timeout(60_000),
  );
  return {
    content,
    usage: {
      promptTokens: usage?.prompt_tokens ?? 0,
      completionTokens: usage?.completion_tokens ?? 0,
      totalTokens: usage?.total_tokens ?? estimate,
    },
  };
}
