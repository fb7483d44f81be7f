// Reading the applicant's documents from disk into the shape the in-page core uploads.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { FilePayload } from '../core/types.ts';

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.txt': 'text/plain',
  '.rtf': 'application/rtf',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

export async function loadFile(path: string): Promise<FilePayload> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new Error(`Cannot read the file ${path}: ${(err as Error).message}. Check the path and its permissions.`);
  }
  return {
    name: basename(path),
    mime: MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
    base64: bytes.toString('base64'),
  };
}
