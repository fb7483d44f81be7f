// The applicant's resume for one attempt, for every executor: fetched from the signed link in the
// work order (valid while the lease is; no other credentials) into the attempt's own folder,
// under the user's own file name, since forms show the uploaded file's name to the employer.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * The user's file name, kept as they named it but safe on every file system: no folders, no
 * control characters, none of the characters Windows refuses.
 */
export function safeFileName(name: string | null): string {
  const cleaned = basename((name ?? '').replace(/\\/g, '/'))
    .replace(/[\p{Cc}<>:"|?*]/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(-150);
  return cleaned || 'resume.pdf';
}

export async function downloadResume(
  url: string,
  fileName: string | null,
  dir: string,
  signal: AbortSignal,
): Promise<string> {
  // The link is a credential: only its origin ever goes into an error.
  const origin = new URL(url).origin;
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new Error(`The resume could not be downloaded: ${origin} did not answer.`, { cause: err });
  }
  if (!res.ok) {
    const why = res.status === 403 ? 'the link expired' : `HTTP ${res.status}`;
    throw new Error(`The resume could not be downloaded from ${origin} (${why}).`);
  }
  const path = join(dir, safeFileName(fileName));
  await writeFile(path, new Uint8Array(await res.arrayBuffer()), { mode: 0o600 });
  return path;
}
