// The applicant's resume for one attempt: fetched from the signed link in the work order (it
// works while the lease does) into the attempt's own directory, under the user's file name, which
// the ATS will see.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The user's file name made safe for a path: no directories, no control characters. */
export function safeFileName(name: string | null): string {
  const cleaned = basename(name ?? '')
    .replace(/[\p{Cc}/\\]/gu, '_')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'resume.pdf';
}

export async function downloadResume(
  url: string,
  fileName: string | null,
  dir: string,
  signal: AbortSignal,
): Promise<string> {
  // The link is a credential: it never goes into an error or a log line.
  const response = await fetch(url, { signal });
  if (!response.ok) {
    throw new Error(`The resume could not be downloaded from the backend (HTTP ${response.status}).`);
  }
  const path = join(dir, safeFileName(fileName));
  await writeFile(path, new Uint8Array(await response.arrayBuffer()));
  return path;
}
