// The device-scoped API (the device token, not a user session): the user's queue, the questions
// their applications wait on and answers to them (the same rules as the web's), an application's
// detail with its evidence, and for an application this device holds: the model's drafts, the
// shared widget actions of its form template, and the model relay (the backend holds the key).

import { ModelBudgetSpent } from '@jobswipe/automations/ai/model-use';
import {
  type AnswerBody,
  ApplicationDetail,
  ApplicationSummary,
  DeviceQuestions,
  DeviceQueue,
  type ModelActionBody,
  type ModelActionKey,
  ModelActionView,
  type ModelAnswersBody,
  ModelAnswersResponse,
  type ModelRelayBody,
  ModelRelayResponse,
} from '@jobswipe/protocol';
import type { z } from 'zod';
import { serverError, unreachable } from './server-error.ts';
import type { DeviceCredentials } from './token-store.ts';

export class DeviceApi {
  constructor(private readonly credentials: DeviceCredentials) {}

  queue(): Promise<DeviceQueue> {
    return this.json('Loading the queue', '/v1/devices/me/queue?limit=50', DeviceQueue);
  }

  questions(): Promise<DeviceQuestions> {
    return this.json('Loading the questions', '/v1/devices/me/questions', DeviceQuestions);
  }

  answer(applicationId: string, body: AnswerBody): Promise<ApplicationSummary> {
    return this.json('Sending the answers', `/v1/devices/me/applications/${applicationId}/answer`, ApplicationSummary, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  }

  application(applicationId: string): Promise<ApplicationDetail> {
    return this.json('Loading the application', `/v1/devices/me/applications/${applicationId}`, ApplicationDetail);
  }

  /** One evidence file of the user's application (its `url` in the detail): its type and bytes. */
  async evidence(path: string): Promise<{ mime: string; bytes: Buffer }> {
    // The device token goes to this server's evidence API and nowhere else.
    if (!/^\/v1\/applications\/[\w-]+\/evidence\/[\w-]+$/.test(path)) throw new Error(`Not an evidence link: ${path}`);
    const res = await this.fetch(path);
    if (!res.ok) throw await serverError(res, 'Loading the evidence');
    return {
      mime: res.headers.get('content-type') ?? 'application/octet-stream',
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  }

  modelAnswers(body: ModelAnswersBody): Promise<ModelAnswersResponse> {
    return this.json('Asking for model answers', '/v1/devices/model-answers', ModelAnswersResponse, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  }

  modelAction(key: ModelActionKey): Promise<ModelActionView> {
    return this.json('Reading a shared widget action', `/v1/devices/model-actions?${query(key)}`, ModelActionView);
  }

  async shareModelAction(body: ModelActionBody): Promise<void> {
    await this.json('Sharing a widget action', '/v1/devices/model-actions', ModelActionView, {
      method: 'PUT',
      body: JSON.stringify(body),
    });
  }

  async dropModelAction(key: ModelActionKey): Promise<void> {
    const res = await this.fetch(`/v1/devices/model-actions?${query(key)}`, { method: 'DELETE' });
    if (!res.ok) throw await serverError(res, 'Forgetting a widget action');
  }

  /** One model call through the backend; ModelBudgetSpent when the user's monthly budget is spent. */
  async modelRelay(body: ModelRelayBody): Promise<ModelRelayResponse> {
    const res = await this.fetch('/v1/devices/model-relay', { method: 'POST', body: JSON.stringify(body) });
    if (res.status === 402) throw new ModelBudgetSpent();
    if (!res.ok) throw await serverError(res, 'Asking the model');
    return ModelRelayResponse.parse(await res.json());
  }

  private async json<T>(what: string, path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    const res = await this.fetch(path, init);
    if (!res.ok) throw await serverError(res, what);
    return schema.parse(await res.json());
  }

  private async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(`${this.credentials.server}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${this.credentials.token}`, 'content-type': 'application/json' },
      });
    } catch (err) {
      throw unreachable(this.credentials.server, err);
    }
  }
}

function query(key: ModelActionKey): string {
  return new URLSearchParams(key).toString();
}
