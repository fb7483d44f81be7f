// Files only their owner may read (mode 0600), holding JSON, replaced whole: written beside the
// target, flushed to disk, then renamed over it, so a crash leaves the old file or the new one,
// never half of one.
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, rm } from 'node:fs/promises';
import type { z } from 'zod';

export function writePrivateJson(path: string, value: unknown): Promise<void> {
  return writePrivateFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Any content, written the same way (the desktop app's encrypted credentials). */
export async function writePrivateFile(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // The mode given to open() is narrowed by the umask, never widened; this makes it exact.
  await chmod(temporary, 0o600);
  try {
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/**
 * The file's content checked against `schema`, or null when there is no file. A file that is not
 * what it should be is an error naming the file, what is wrong and `remedy`.
 */
export async function readPrivateJson<T>(path: string, schema: z.ZodType<T>, remedy: string): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is damaged (${(err as Error).message}). ${remedy}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'top level'}: ${i.message}`).join('; ');
    throw new Error(`${path} is damaged (${issues}). ${remedy}`);
  }
  return parsed.data;
}
