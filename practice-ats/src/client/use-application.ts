// The state of a single-page application form: values by field name, the server's errors, and a
// submit that posts multipart like the real SPAs' fetch calls and reads the JSON answer.
import { useState } from 'react';
import type { SubmitAnswer } from '../shared/spa-shell.ts';
import type { FieldSpec } from '../spec/form-spec.ts';
import type { FieldValue } from './controls.ts';
import { postApplication, toFormData } from './post-application.ts';

export { postApplication, toFormData };

export interface Application {
  values: Record<string, FieldValue>;
  set: (name: string, value: FieldValue) => void;
  /** Marks a field wrong (a wizard step the server checked). */
  fail: (name: string, message: string) => void;
  errors: Record<string, string>;
  /** The answer of the last submit (an "already applied" notice, or the errors' summary). */
  answer: SubmitAnswer | null;
  submitting: boolean;
  submit: (extra?: Record<string, string>) => Promise<SubmitAnswer>;
}

export function useApplication(
  fields: FieldSpec[],
  submitUrl: string,
  initial: () => Record<string, FieldValue> = () => ({}),
): Application {
  const [values, setValues] = useState<Record<string, FieldValue>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<SubmitAnswer | null>(null);
  const [submitting, setSubmitting] = useState(false);
  return {
    values,
    errors,
    answer,
    submitting,
    set: (name, value) => {
      setValues((old) => ({ ...old, [name]: value }));
      setErrors(({ [name]: _, ...rest }) => rest);
    },
    fail: (name, message) => setErrors((old) => ({ ...old, [name]: message })),
    submit: async (extra) => {
      setSubmitting(true);
      try {
        const result = await postApplication(submitUrl, toFormData(fields, values, extra));
        setAnswer(result);
        setErrors(Object.fromEntries((result.errors ?? []).map((e) => [e.field, e.message])));
        if (result.status === 'accepted' && result.redirect) location.assign(result.redirect);
        return result;
      } finally {
        setSubmitting(false);
      }
    },
  };
}
