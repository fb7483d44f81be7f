// Parsing one WebSocket frame against a protocol schema: a bad frame gets a clear error frame and
// never closes the socket or throws.
import type { ErrorCode } from '@jobswipe/protocol';
import type { RawData } from 'ws';
import type { z } from 'zod';

export type Frame<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

export function parseFrame<S extends z.ZodType>(schema: S, data: RawData, isBinary: boolean): Frame<z.output<S>> {
  if (isBinary) return { ok: false, code: 'validation_failed', message: 'Send JSON text frames, not binary.' };
  let json: unknown;
  try {
    json = JSON.parse(data.toString());
  } catch {
    return { ok: false, code: 'malformed_json', message: 'That frame is not valid JSON.' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const type =
    typeof json === 'object' && json !== null && 'type' in json ? String((json as { type: unknown }).type) : undefined;
  const where = issue?.path.join('.') || 'type';
  const message =
    issue?.code === 'invalid_union' && where === 'type'
      ? `Unknown message type ${JSON.stringify(type)}.`
      : `Invalid ${type ?? 'message'}: ${where}: ${issue?.message ?? 'invalid'}.`;
  return { ok: false, code: 'validation_failed', message };
}
