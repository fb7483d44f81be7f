// Turns zod failures into a 400 that says which field is wrong and why.
import type { z } from 'zod';
import { AppError } from './errors.ts';

export type Where = 'body' | 'query' | 'params' | 'message';

export function parse<S extends z.ZodType>(schema: S, value: unknown, where: Where): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid';
  throw new AppError(
    'validation_failed',
    `Invalid ${where}: ${summary}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
    {
      issues,
    },
  );
}
