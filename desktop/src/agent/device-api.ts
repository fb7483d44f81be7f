// The device-scoped API (the device token, not a user session): the user's queue, the questions
// their applications wait on and answers to them (the same rules as the web's), an application's
// detail with its evidence, and the model's drafts for an application this device holds.
import {
  type AnswerBody,
  ApplicationDetail,
  ApplicationSummary,
  DeviceQuestions,
  DeviceQueue,
  type ModelAnswersBody,
  ModelAnswersResponse,
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
