// Evidence of an attempt (the screenshot the engine took, and the page's HTML when a person will
// need to look), uploaded under the lease so the backend keeps it with the application.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type ApplyOutcome, evidenceKind } from '@jobswipe/protocol';
import { z } from 'zod';
import { serverError } from './server-error.ts';

const Uploaded = z.object({ id: z.string().uuid() });

export interface EvidenceUpload {
  server: string;
  token: string;
  applicationId: string;
  leaseToken: string;
  outcome: ApplyOutcome;
}

/** Uploads each file; returns the ids stored, and the files that could not be, with why. */
export async function uploadEvidence(
  upload: EvidenceUpload,
  paths: string[],
): Promise<{ ids: string[]; failed: Array<{ path: string; error: string }> }> {
  const ids: string[] = [];
  const failed: Array<{ path: string; error: string }> = [];
  for (const path of paths) {
    try {
      const form = new FormData();
      form.set('leaseToken', upload.leaseToken);
      form.set('kind', evidenceKind(path, upload.outcome));
      form.set('file', new Blob([await readFile(path)]), basename(path));
      const res = await fetch(`${upload.server}/v1/applications/${upload.applicationId}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${upload.token}` },
        body: form,
      });
      if (!res.ok) throw await serverError(res, `Uploading ${basename(path)}`);
      ids.push(Uploaded.parse(await res.json()).id);
    } catch (err) {
      failed.push({ path, error: (err as Error).message });
    }
  }
  return { ids, failed };
}
