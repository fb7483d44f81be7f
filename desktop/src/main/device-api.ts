// The device-scoped API (the device token, not a user session): the user's queue, the questions
// their applications wait on, and answers to them, the same rules as the web's.
import { type AnswerBody, ApplicationSummary, DeviceQuestions, DeviceQueue } from '@jobswipe/protocol';
import type { z } from 'zod';
import { serverError, unreachable } from '../agent/server-error.ts';
import type { DeviceCredentials } from '../agent/token-store.ts';

export class DeviceApi {
  constructor(private readonly credentials: DeviceCredentials) {}

  queue(): Promise<DeviceQueue> {
    return this.call('Loading the queue', '/v1/devices/me/queue?limit=50', DeviceQueue);
  }

  questions(): Promise<DeviceQuestions> {
    return this.call('Loading the questions', '/v1/devices/me/questions', DeviceQuestions);
  }

  answer(applicationId: string, body: AnswerBody): Promise<ApplicationSummary> {
    return this.call('Sending the answers', `/v1/devices/me/applications/${applicationId}/answer`, ApplicationSummary, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  }

  private async call<T>(what: string, path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.credentials.server}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${this.credentials.token}`, 'content-type': 'application/json' },
      });
    } catch (err) {
      throw unreachable(this.credentials.server, err);
    }
    if (!res.ok) throw await serverError(res, what);
    return schema.parse(await res.json());
  }
}
