// Where uploaded files (resumes, evidence) are kept: an S3-compatible bucket when S3_BUCKET is set
// (every node and worker sees the same files), else a folder under the data directory (the
// embedded demo, one machine). Rows keep the key, never a URL or an absolute path, and a SHA-256
// checksum of the bytes as stored. Downloads stream through the API (`sendStoredFile`), which has
// checked the caller: the signed link or the user's session.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { notFound } from '../http/errors.ts';

export interface StoredFile {
  storagePath: string;
  checksum: string;
  size: number;
}

export interface FileStore {
  /** Where the files are, for logs ("s3://bucket", a folder). */
  readonly location: string;
  /** Stores the bytes under `key` (a relative path like `resumes/<user>/<id>.pdf`). */
  put(key: string, bytes: Uint8Array, mime: string): Promise<StoredFile>;
  /** The file's bytes, or null when there is no such file. */
  open(key: string): Promise<Readable | null>;
  /** Removes the file; a missing one is not an error. */
  remove(key: string): Promise<void>;
  close(): void;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function stored(key: string, bytes: Uint8Array): StoredFile {
  return { storagePath: key, checksum: sha256(bytes), size: bytes.byteLength };
}

/** Files on disk under `root`: written to a temporary name first, so a half-written file never
 * carries the final name. */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  get location(): string {
    return this.root;
  }

  async put(key: string, bytes: Uint8Array): Promise<StoredFile> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const partial = `${target}.${randomUUID()}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, target);
    return stored(key, bytes);
  }

  async open(key: string): Promise<Readable | null> {
    const stream = createReadStream(this.path(key));
    return new Promise((done, failed) => {
      stream.once('open', () => done(stream));
      stream.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? done(null) : failed(err)));
    });
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  close(): void {}

  /** The key's file, refusing any key that would leave the root. */
  private path(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root) + sep)) throw new Error(`File key "${key}" leaves the storage folder`);
    return path;
  }
}

/** Sends a stored file as a download. */
export async function sendStoredFile(
  res: Response,
  store: FileStore,
  file: { storagePath: string; mime: string; fileName: string },
): Promise<void> {
  const body = await store.open(file.storagePath);
  if (!body) throw notFound('File');
  res.attachment(file.fileName);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Type', file.mime);
  try {
    await pipeline(body, res);
  } catch (err) {
    // Once bytes went out (the client hung up mid-download) there is no answer left to give.
    if (!res.headersSent) throw err;
  }
}
