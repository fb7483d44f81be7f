// STAND-IN for the language model (none can be reached from here): a scripted OpenAI-compatible
// chat completions server on loopback, at the outermost boundary, so the real clients (ours and
// Stagehand's, over HTTP) run unchanged. It answers a question from its script by the words after
// "Question: ", plans on the element an observe() instruction names from Stagehand's accessibility
// tree as a model would, and keeps every request so tests can check what a model would have been told.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ChatRequest {
  messages: Array<{ content: string | Array<{ text?: string }> }>;
  response_format?: { json_schema?: { schema?: { properties?: Record<string, unknown> } } };
}

export class ScriptedModel {
  readonly requests: Array<{ authorization: string | undefined; body: string }> = [];
  private server: Server | null = null;
  url = '';

  /** `script`: question label → the answer the stand-in "model" writes. */
  constructor(private readonly script: Record<string, string>) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        this.requests.push({ authorization: req.headers.authorization, body });
        const content = JSON.stringify(this.reply(JSON.parse(body) as ChatRequest));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `scripted-${this.requests.length}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: 'scripted',
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  /** How many calls so far asked how to operate a widget (Stagehand's observe), and how many for an answer. */
  calls(): { widget: number; draft: number } {
    const widget = this.requests.filter((r) => isWidgetRequest(JSON.parse(r.body) as ChatRequest)).length;
    return { widget, draft: this.requests.length - widget };
  }

  /** Every prompt sent so far, as one text. */
  prompts(): string {
    return this.requests.map((r) => r.body).join('\n');
  }

  close(): Promise<unknown> {
    return new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(null)));
  }

  private reply(request: ChatRequest): unknown {
    const text = request.messages
      .map((m) => (typeof m.content === 'string' ? m.content : m.content.map((c) => c.text ?? '').join('\n')))
      .join('\n');
    if (isWidgetRequest(request)) return { elements: observe(text) };
    const question = /Question: (.*)/.exec(text)?.[1]?.trim() ?? '';
    return { answer: this.script[question] ?? '' };
  }
}

function isWidgetRequest(request: ChatRequest): boolean {
  return Boolean(request.response_format?.json_schema?.schema?.properties?.elements);
}

/** A plan on the element an observe() instruction names (by its quoted label), from the accessibility tree. */
function observe(prompt: string) {
  const instruction = /instruction: (.*)/.exec(prompt)?.[1] ?? '';
  const label = /"([^"]+)"/.exec(instruction)?.[1] ?? '';
  const tree = prompt.slice(prompt.indexOf('Accessibility Tree:'));
  const line = tree
    .split('\n')
    .find((l) => label && l.includes(label) && /\[\d+-\d+\]/.test(l) && /textbox|combobox/i.test(l));
  const elementId = line ? /\[(\d+-\d+)\]/.exec(line)?.[1] : undefined;
  if (!elementId) return [];
  return [{ elementId, description: `the field "${label}"`, method: 'fill', arguments: ['%answer%'] }];
}
