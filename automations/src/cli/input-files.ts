// Reading the CLI's JSON inputs with errors that name the file, the bad field's path and what to
// do about it.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

export class InputError extends Error {}

export async function readJsonFile<T extends z.ZodType>(path: string, schema: T, what: string): Promise<z.infer<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`Cannot read the ${what} file ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`The ${what} file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    return `  - ${where}: ${issue.message}`;
  });
  throw new InputError(`The ${what} file ${path} is invalid:\n${problems.join('\n')}\nFix these fields and run again.`);
}
