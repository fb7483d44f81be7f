// The model behind LLM_BASE_URL / LLM_MODEL: an OpenAI-compatible chat completions endpoint,
// asked for one short answer as JSON. The API key goes in the Authorization header only.
import { z } from 'zod';

export interface ModelSettings {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
}

const Completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z.object({ total_tokens: z.number() }).optional(),
});
const Drafted = z.object({ answer: z.string() });

/** The longest answer asked for: a form's free-text answer, not an essay. */
export const MAX_ANSWER_TOKENS = 400;

/** Asks the model; resolves to its answer ('' when it is unsure) and the tokens the call used. */
export async function askModel(
  settings: ModelSettings,
  system: string,
  prompt: string,
  signal?: AbortSignal,
): Promise<{ answer: string; tokens: number }> {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: settings.model,
      temperature: 0,
      max_tokens: MAX_ANSWER_TOKENS,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: prompt },
      ],
    }),
    signal: signal ?? AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`The model at ${url} answered HTTP ${response.status}.`);
  const completion = Completion.parse(await response.json());
  const content = completion.choices[0]?.message.content ?? '';
  // A server that reports no usage is charged what was reserved for the call.
  const tokens = completion.usage?.total_tokens ?? Math.ceil((system.length + prompt.length) / 3) + MAX_ANSWER_TOKENS;
  try {
    return { answer: Drafted.parse(JSON.parse(content)).answer.trim(), tokens };
  } catch {
    return { answer: content.trim(), tokens };
  }
}
