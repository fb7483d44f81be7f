// The engine's model fallback (automations' stagehand-fallback.ts, the one policy the server worker
// uses too) on this device, where the model's key never is: Stagehand attaches to the agent's
// browser over its DevTools endpoint, and everything it needs from a model goes through the backend
// for the application this device holds: its model calls through the relay (charged to the user's
// monthly budget there first; a spent budget throws ModelBudgetSpent and the question goes to the
// user), the shared widget actions of the form template (so a template another user's run already
// learned costs no model call to operate), and the user's drafted answers (model-drafts.ts).
import type { AiFallback } from '@jobswipe/automations/ai/fallback';
import type { ActionCache } from '@jobswipe/automations/ai/model-use';
import { startStagehandFallback } from '@jobswipe/automations/ai/stagehand-fallback';
import { type ModelRelayBody, WidgetAction } from '@jobswipe/protocol';
import type { DeviceApi } from './device-api.ts';
import type { Logger } from './log.ts';
import { backendDrafts } from './model-drafts.ts';

export type Lease = { applicationId: string; leaseToken: string };

/** The shared widget actions through the device API; a refusal or a failure costs a model call, never the run. */
export function deviceActions(api: DeviceApi, lease: Lease, log: Logger): ActionCache {
  const warn = (what: string) => (err: unknown) => log.warn(what, { error: (err as Error).message });
  return {
    get: (template, instruction) =>
      api.modelAction({ ...lease, template, instruction }).then(
        (view) => view.action,
        (err: unknown) => {
          warn('no shared widget action')(err);
          return null;
        },
      ),
    async put(template, instruction, action) {
      // The backend shares only actions that type the placeholder, never an answer.
      const shared = WidgetAction.safeParse(action);
      if (!shared.success) {
        log.info('widget action not shared: it holds more than the placeholder');
        return;
      }
      await api
        .shareModelAction({ ...lease, template, instruction, action: shared.data })
        .catch(warn('widget action not shared'));
    },
    drop: (template, instruction) =>
      api.dropModelAction({ ...lease, template, instruction }).catch(warn('widget action not dropped')),
  };
}

/** A Stagehand LLMClient whose every call is one model relay request for the held application. */
async function relayClient(api: DeviceApi, lease: Lease) {
  // Loaded only when the fallback starts: Stagehand is large and most runs never need it.
  const { LLMClient, toJsonSchema } = await import('@browserbasehq/stagehand');
  type Options = Parameters<InstanceType<typeof LLMClient>['createChatCompletion']>[0];

  class RelayClient extends LLMClient {
    constructor() {
      // The backend names the model; Stagehand only needs a name here.
      super('openai/backend-relay' as ConstructorParameters<typeof LLMClient>[0]);
      this.type = 'openai';
    }

    async createChatCompletion<T>({ options }: Options): Promise<T> {
      const messages: ModelRelayBody['messages'] = options.messages.map((m) => ({
        role: m.role,
        content: typeof m.content === 'string' ? m.content : m.content.map((part) => part.text ?? '').join('\n'),
      }));
      const schema = options.response_model;
      const reply = await api.modelRelay({
        ...lease,
        messages,
        ...(schema ? { responseSchema: { name: schema.name, schema: toJsonSchema(schema.schema) } } : {}),
        ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      });
      const usage = {
        prompt_tokens: reply.usage.promptTokens,
        completion_tokens: reply.usage.completionTokens,
        total_tokens: reply.usage.totalTokens,
      };
      if (schema) return { data: schema.schema.parse(JSON.parse(reply.content)), usage } as T;
      return {
        id: 'relay',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: this.modelName,
        choices: [
          { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content, tool_calls: [] } },
        ],
        usage,
      } as T;
    }
  }
  return new RelayClient();
}

/** The model fallback for one held application, attached to the browser at `cdpUrl`. */
export async function deviceModelFallback(
  api: DeviceApi,
  lease: Lease,
  log: Logger,
  cdpUrl: string,
): Promise<AiFallback> {
  return startStagehandFallback({
    cdpUrl,
    model: { client: await relayClient(api, lease) },
    actions: deviceActions(api, lease, log),
    drafts: backendDrafts(api, lease, log),
  });
}
