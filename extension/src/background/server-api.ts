// Requests to the JobSwipe backend with the device token: the device-scoped API the popup shows
// (docs/protocol.md, "The device-scoped API"), the resume link of a work order, pairing.
import type { FilePayload } from '@jobswipe/automations/core/types';
import {
  type AnswerBody,
  type AnswersView,
  type ApplicationSummary,
  type ByHandBody,
  type ByHandResponse,
  type DeviceAnswersBody,
  type DeviceAutofill,
  type DeviceQuestions,
  type DeviceQueue,
  type DeviceSelf,
  type ErrorBody,
  type ModelAnswersBody,
  type ModelAnswersResponse,
  type PairCompleteBody,
  PairCompleteResponse,
} from '@jobswipe/protocol';
import type { Credentials } from './stored.ts';

/** What POST /v1/applications/:id/evidence answers. */
export interface EvidenceStored {
  id: string;
}

/** A request the backend refused, with its status and its own words. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

async function refused(res: Response, what: string): Promise<ServerError> {
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  return new ServerError(res.status, `${what} failed (${res.status}): ${body?.error?.message ?? res.statusText}`);
}

async function call<T>(credentials: Credentials, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${credentials.server}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${credentials.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw await refused(res, `${method} ${path}`);
  return (await res.json()) as T;
}

export const deviceApi = (credentials: Credentials) => ({
  self: () => call<DeviceSelf>(credentials, 'GET', '/v1/devices/me'),
  queue: () => call<DeviceQueue>(credentials, 'GET', '/v1/devices/me/queue'),
  questions: () => call<DeviceQuestions>(credentials, 'GET', '/v1/devices/me/questions'),
  answer: (applicationId: string, body: AnswerBody) =>
    call<ApplicationSummary>(credentials, 'POST', `/v1/devices/me/applications/${applicationId}/answer`, body),
  autofill: (pageUrl: string) =>
    call<DeviceAutofill>(credentials, 'GET', `/v1/devices/me/autofill?url=${encodeURIComponent(pageUrl)}`),
  modelAnswers: (body: ModelAnswersBody) =>
    call<ModelAnswersResponse>(credentials, 'POST', '/v1/devices/model-answers', body),
  appliedByHand: (body: ByHandBody) =>
    call<ByHandResponse>(credentials, 'POST', '/v1/devices/me/applications/by-hand', body),
  saveAnswers: (body: DeviceAnswersBody) => call<AnswersView>(credentials, 'POST', '/v1/devices/me/answers', body),
});

/** Exchanges a pairing code for this browser's device token. */
export async function completePairing(server: string, body: PairCompleteBody): Promise<PairCompleteResponse> {
  const res = await fetch(`${server}/v1/devices/pair/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw await refused(res, 'Pairing');
  return PairCompleteResponse.parse(await res.json());
}

/** The work order's resume (a signed link, valid while the lease is), as the core uploads it. */
export async function downloadResume(url: string, fileName: string | null, signal: AbortSignal): Promise<FilePayload> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw await refused(res, 'Downloading the resume');
  const bytes = new Uint8Array(await res.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return {
    name: fileName ?? 'resume.pdf',
    mime: res.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream',
    base64: btoa(binary),
  };
}
