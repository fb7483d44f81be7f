// POST /v1/profile/resumes with upload progress: fetch cannot report how much of a body was sent,
// so this one call uses XMLHttpRequest.
import type { ErrorBody, ResumeView } from '@jobswipe/protocol';
import type { ApiClient } from './client.ts';
import { ApiError, NetworkError } from './http.ts';

function send(token: string, file: File, onProgress: (fraction: number) => void): Promise<ResumeView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/profile/resumes');
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ResumeView);
      const error = (body as ErrorBody | undefined)?.error;
      reject(
        error
          ? new ApiError(xhr.status, error.code, error.message, error.details)
          : new ApiError(xhr.status, 'internal', `The server answered ${xhr.status}.`),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export async function uploadResume(
  api: ApiClient,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ResumeView> {
  const token = await api.session.accessToken();
  if (!token) throw new ApiError(401, 'unauthenticated', 'Your session ended. Sign in again.');
  try {
    return await send(token, file, onProgress);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'token_expired') throw err;
    const renewed = await api.session.recover(token);
    if (!renewed) throw err;
    return send(renewed, file, onProgress);
  }
}
