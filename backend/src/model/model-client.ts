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
});
const Drafted = z.object({ answer: z.string() });

/** Asks the model; resolves to its answer ('' when it is unsure). */
export async function askModel(settings: ModelSettings, system: string, prompt: string, signal?: AbortSignal) {
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
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: prompt },
      ],
    }),
    signal: signal ?? AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`The model at ${url} answered HTTP ${response.status}.`);
  const content = Completion.parse(await response.json()).choices[0]?.message.content ?? '';
  try {
    return Drafted.parse(JSON.parse(content)).answer.trim();
  } catch {
    return content.trim();
  }
}
