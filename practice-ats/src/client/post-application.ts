// Posting an application the way the real single-page forms' fetch calls do: multipart, with a
// JSON answer. Free of React, so plain-DOM forms (the never-tuned split's) share it.
import type { SubmitAnswer } from '../shared/spa-shell.ts';
import type { FieldSpec } from '../spec/form-spec.ts';

export type FieldValue = string | string[] | File | null;

export function toFormData(
  fields: FieldSpec[],
  values: Record<string, FieldValue>,
  extra: Record<string, string> = {},
) {
  const body = new FormData();
  for (const f of fields) {
    const v = values[f.name];
    if (v instanceof File) body.append(f.name, v, v.name);
    else if (Array.isArray(v)) for (const x of v) body.append(f.name, x);
    else if (typeof v === 'string' && v !== '') body.append(f.name, v);
  }
  for (const [k, v] of Object.entries(extra)) body.append(k, v);
  return body;
}

export async function postApplication(url: string, body: FormData): Promise<SubmitAnswer> {
  const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
  return (await res.json()) as SubmitAnswer;
}
