// The model on this device goes through the backend (POST /v1/devices/model-answers): the user's
// machine holds no model key, the backend applies the one model policy of every executor (never a
// sensitive kind, a file, a password or contact data; work facts and the job only in the prompt)
// and keeps each draft as the user's own, reused without a new model call. What comes back is
// filled by the engine's in-page core and recorded as the model's; a refusal or a failure leaves
// the question to the user, as without a model.
import type { AnswerDrafter } from '@jobswipe/automations/ai/fallback';
import type { DraftSource } from '@jobswipe/automations/ai/model-use';
import type { DeviceApi } from './device-api.ts';
import type { Logger } from './log.ts';

/** The user's drafts from the backend, by question key ({} when it fails: the questions go to the user). */
export function backendDrafts(
  api: DeviceApi,
  lease: { applicationId: string; leaseToken: string },
  log: Logger,
): DraftSource {
  return async (questions) => {
    try {
      const { answers, refused } = await api.modelAnswers({ ...lease, questions });
      log.info('model answers', {
        drafted: answers.filter((a) => !a.cached).length,
        reused: answers.filter((a) => a.cached).length,
        refused: refused.map((r) => r.reason),
      });
      return Object.fromEntries(answers.map((a) => [a.key, a.answer]));
    } catch (err) {
      log.warn('no model answers: the questions go to you', { error: (err as Error).message });
      return {};
    }
  };
}

export function backendDrafter(...args: Parameters<typeof backendDrafts>): AnswerDrafter {
  return { draft: backendDrafts(...args) };
}
