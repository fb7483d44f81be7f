// The applicant's resume for one application: fetched from the signed link in the work order (no
// credentials needed) into the application's own temporary folder, under its own file name, since
// forms show the uploaded file's name to the employer.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { serverError, unreachable } from './server-error.ts';

/**
 * The user's file name, kept as they named it (the employer sees it) but safe on every desktop
 * file system: no folders, no control characters, none of the characters Windows refuses.
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
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (err) {
    if (signal.aborted) throw err;
    throw unreachable(new URL(url).origin, err);
  }
  if (!res.ok) throw await serverError(res, 'Downloading the resume');
  const path = join(dir, safeFileName(fileName));
  await writeFile(path, Buffer.from(await res.arrayBuffer()), { mode: 0o600 });
  return path;
}
