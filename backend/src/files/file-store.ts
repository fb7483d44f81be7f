// Uploaded files on disk under config.storageDir. Rows keep the path relative to that directory
// (the data directory can move) and a SHA-256 checksum of the bytes as stored.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Response } from 'express';
import { notFound } from '../http/errors.ts';

export interface StoredFile {
  storagePath: string;
  checksum: string;
  size: number;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes the bytes to `storagePath` (relative): to a temporary name first, so a half-written
 * file never carries the final name. */
export async function storeFile(storageDir: string, storagePath: string, bytes: Uint8Array): Promise<StoredFile> {
  const target = join(storageDir, storagePath);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  const partial = `${target}.${randomUUID()}.partial`;
  await writeFile(partial, bytes, { mode: 0o600 });
  await rename(partial, target);
  return { storagePath, checksum: sha256(bytes), size: bytes.byteLength };
}

export async function removeStoredFile(storageDir: string, storagePath: string): Promise<void> {
  await rm(join(storageDir, storagePath), { force: true });
}

/** Sends a stored file as a download; `send` refuses any path that escapes storageDir. */
export function sendStoredFile(
  res: Response,
  storageDir: string,
  file: { storagePath: string; mime: string; fileName: string },
): Promise<void> {
  res.attachment(file.fileName);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Type', file.mime);
  return new Promise((resolve, reject) => {
    res.sendFile(file.storagePath, { root: storageDir, dotfiles: 'deny' }, (err) => {
      // Once bytes went out (the client hung up mid-download) there is no answer left to give.
      if (!err || res.headersSent) resolve();
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT') reject(notFound('File'));
      else reject(err);
    });
  });
}
