// STAND-IN for the language model (no model can be reached from here). It sits at the model
// boundary as a Stagehand LLMClient, so the real Stagehand code (page snapshot, observe inference,
// variable substitution, element actions) runs through it. It answers from a script and records
// every prompt, so tests can check what a model would have been told.
import { type AvailableModel, type CreateChatCompletionOptions, LLMClient } from '@browserbasehq/stagehand';

export class StandInLlmClient extends LLMClient {
  readonly prompts: string[] = [];

  /**
   * `answers`: question label → the answer the stand-in "model" writes. `missFirstPlan`: its first
   * plan names an element the page does not have, as a model sometimes does.
   */
  constructor(
    private readonly answers: Record<string, string>,
    private missFirstPlan = false,
  ) {
    super('stand-in/scripted' as AvailableModel);
    this.type = 'stand-in';
  }

  // The base class declares overloads; this one implementation serves both.
  async createChatCompletion<T>({ options }: CreateChatCompletionOptions): Promise<T> {
    const text = options.messages
      .map((m) => (typeof m.content === 'string' ? m.content : m.content.map((c) => c.text ?? '').join('\n')))
      .join('\n');
    this.prompts.push(text);
    const name = options.response_model?.name;
    if (name === 'jobswipe_answer') {
      const question = /Question: (.*)/.exec(text)?.[1] ?? '';
      return { data: { answer: this.answers[question] ?? '' } } as T;
    }
    if (name === 'Observation') {
      const elements = this.observe(text);
      if (this.missFirstPlan) {
        this.missFirstPlan = false;
        return { data: { elements: elements.map((e) => ({ ...e, elementId: '99-99999' })) } } as T;
      }
      return { data: { elements } } as T;
    }
    throw new Error(`The stand-in model has no script for a "${name ?? 'free-form'}" call.`);
  }

  /** Plans on the element the instruction names, from Stagehand's accessibility tree, as a model would. */
  private observe(prompt: string) {
    const instruction = /instruction: (.*)/.exec(prompt)?.[1] ?? '';
    const label = /"([^"]+)"/.exec(instruction)?.[1] ?? '';
    const tree = prompt.slice(prompt.indexOf('Accessibility Tree:'));
    const line = tree
      .split('\n')
      .find((l) => l.includes(label) && /\[\d+-\d+\]/.test(l) && /textbox|combobox/i.test(l));
    const elementId = line ? /\[(\d+-\d+)\]/.exec(line)?.[1] : undefined;
    if (!elementId) return [];
    return [{ elementId, description: `the field "${label}"`, method: 'fill', arguments: ['%answer%'] }];
  }
}
