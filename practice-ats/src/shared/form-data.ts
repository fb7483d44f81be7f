// Reads an application POST (multipart or urlencoded) into flat fields and in-memory files.
// Field names stay exactly as the form wrote them (`job_application[first_name]`, `cards[…][field0]`):
// the record must show what the ATS received, not a parser's nesting of it.
import { createHash } from 'node:crypto';
import busboy from 'busboy';
import type { Request } from 'express';

export interface UploadedFile {
  field: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  /** The upload went past the hard limit and was cut off. */
  truncated: boolean;
}

export interface ParsedForm {
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
}

/** No ATS here accepts more; bigger uploads are cut off and refused as too large. */
export const HARD_FILE_LIMIT = 30 * 1024 * 1024;

export class FormParseError extends Error {}

export function parseForm(req: Request): Promise<ParsedForm> {
  const type = req.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
    return Promise.reject(
      new FormParseError(
        `Expected a form post (multipart/form-data or urlencoded), got "${type || 'no content type'}".`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string | string[]> = {};
    const files: UploadedFile[] = [];
    const pending: Promise<void>[] = [];
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: HARD_FILE_LIMIT, files: 20, fields: 500, fieldSize: 1024 * 1024 },
    });
    parser.on('field', (name, value) => addField(fields, name, value));
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      let truncated = false;
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        truncated = true;
      });
      pending.push(
        new Promise((done) =>
          stream.on('close', () => {
            const data = Buffer.concat(chunks);
            // An empty file input still sends a part with no file name: that is "no file".
            if (info.filename || data.length > 0) {
              files.push({
                field,
                filename: info.filename,
                mime: info.mimeType,
                size: data.length,
                sha256: createHash('sha256').update(data).digest('hex'),
                data,
                truncated,
              });
            }
            done();
          }),
        ),
      );
    });
    parser.on('error', (err: Error) => reject(new FormParseError(`Could not read the form: ${err.message}`)));
    parser.on('close', () => {
      Promise.all(pending).then(() => resolve({ fields, files }), reject);
    });
    req.pipe(parser);
  });
}

function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const existing = fields[name];
  if (existing === undefined) fields[name] = value;
  else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** One value of a field: the first if the form sent several, '' if none. */
export function single(form: ParsedForm, name: string): string {
  const v = form.fields[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** Every value of a field (checkbox groups, multi-selects). */
export function multiple(form: ParsedForm, name: string): string[] {
  const v = form.fields[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => x !== '');
}
