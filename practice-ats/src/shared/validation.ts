// Server-side validation driven by the form spec: required fields, formats, allowed options, file
// types and sizes. Each ATS words its messages its own way (`ValidationMessages`).
import { extname } from 'node:path';
import type { FieldSpec, FormSpec } from '../spec/form-spec.ts';
import { multiple, type ParsedForm, single } from './form-data.ts';

export interface FieldError {
  /** The submitted name of the field the error is about. */
  field: string;
  label: string;
  message: string;
}

export interface ValidationMessages {
  required: (f: FieldSpec) => string;
  email: (f: FieldSpec) => string;
  phone: (f: FieldSpec) => string;
  url: (f: FieldSpec) => string;
  date: (f: FieldSpec) => string;
  option: (f: FieldSpec) => string;
  fileType: (f: FieldSpec) => string;
  fileSize: (f: FieldSpec) => string;
}

export const DEFAULT_MESSAGES: ValidationMessages = {
  required: () => 'This field is required.',
  email: () => 'Please enter a valid email address.',
  phone: () => 'Please enter a valid phone number.',
  url: () => 'Please enter a valid URL, starting with https://.',
  date: (f) => `Please enter a valid date (${f.dateFormat === 'mdy' ? 'MM/DD/YYYY' : 'YYYY-MM-DD'}).`,
  option: () => 'Please choose one of the listed options.',
  fileType: (f) => `Invalid file type. Allowed: ${(f.accept ?? []).join(', ')}.`,
  fileSize: (f) => `File is too large. The limit is ${megabytes(f.maxBytes ?? 0)}.`,
};

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

export function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_CHARS.test(value) && digits >= 7 && digits <= 15;
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isDate(value: string, format: 'iso' | 'mdy'): boolean {
  const m = format === 'iso' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = format === 'iso' ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d);
}

const CHOICE_TYPES = new Set(['select', 'combobox', 'radio', 'yes_no', 'checkbox_group', 'checkbox']);

function isFilled(form: ParsedForm, field: FieldSpec): boolean {
  if (field.type === 'file') return form.files.some((f) => f.field === field.name);
  return multiple(form, field.name).some((v) => v.trim() !== '');
}

function fieldError(field: FieldSpec, message: string): FieldError {
  return { field: field.name, label: field.label, message };
}

/** Every error in the submission, in the order the fields appear on the form. */
export function validateForm(
  spec: FormSpec,
  form: ParsedForm,
  messages: ValidationMessages = DEFAULT_MESSAGES,
): FieldError[] {
  const byName = new Map(spec.fields.map((f) => [f.name, f]));
  const errors: FieldError[] = [];
  for (const field of spec.fields) {
    if (field.asks.kind === 'honeypot' || field.asks.kind === 'system') continue;
    const alternative =
      spec.fields.find((f) => f.alternativeTo === field.name) ?? byName.get(field.alternativeTo ?? '');
    const filled = isFilled(form, field) || (alternative !== undefined && isFilled(form, alternative));
    if (!isFilled(form, field)) {
      // A pasted resume stands in for the file and the other way round: report the file field only.
      if (field.required && !filled && field.alternativeTo === undefined) {
        errors.push(fieldError(field, messages.required(field)));
      }
      continue;
    }
    const message = checkValue(field, form, messages);
    if (message) errors.push(fieldError(field, message));
  }
  return errors;
}

function checkValue(field: FieldSpec, form: ParsedForm, messages: ValidationMessages): string | null {
  if (field.type === 'file') {
    const file = form.files.find((f) => f.field === field.name);
    if (!file) return null;
    if (field.accept && !field.accept.includes(extname(file.filename).toLowerCase())) return messages.fileType(field);
    if (file.truncated || (field.maxBytes !== undefined && file.size > field.maxBytes)) return messages.fileSize(field);
    return null;
  }
  const value = single(form, field.name).trim();
  if (field.format === 'email' && !isEmail(value)) return messages.email(field);
  if (field.format === 'phone' && !isPhone(value)) return messages.phone(field);
  if (field.format === 'url' && !isUrl(value)) return messages.url(field);
  if (field.type === 'date' && !isDate(value, field.dateFormat ?? 'iso')) return messages.date(field);
  if (field.options && (CHOICE_TYPES.has(field.type) || field.type === 'location')) {
    const allowed = new Set(field.options.map((o) => o.value));
    if (!multiple(form, field.name).every((v) => allowed.has(v))) return messages.option(field);
  }
  return null;
}

/** A honeypot was filled: a bot, whose application is quietly dropped. */
export function trippedHoneypot(spec: FormSpec, form: ParsedForm): boolean {
  return spec.fields.some((f) => f.asks.kind === 'honeypot' && single(form, f.name) !== '');
}
