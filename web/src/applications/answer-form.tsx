// The questions a NEEDS_ATTENTION application waits on, as a form. The answers are saved to the
// profile (so later forms asking the same get them too) and the application is queued again; a
// site's account password is kept encrypted, apart from the profile.
import {
  type AnswerValue,
  type ApplicationSummary,
  type Question,
  SENSITIVE_KIND_LABELS,
  sensitiveKindOf,
} from '@jobswipe/protocol';
import { type FormEvent, useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { Field } from '../ui/field.tsx';

function initial(q: Question): AnswerValue {
  if (q.type === 'checkbox_group') return [];
  if (q.type === 'checkbox') return false;
  return '';
}

function QuestionInput({
  q,
  value,
  onChange,
}: {
  q: Question;
  value: AnswerValue;
  onChange: (v: AnswerValue) => void;
}) {
  const kind = sensitiveKindOf(q.label);
  // Sensitive questions are never guessed: say so, so the user knows why we ask them.
  const label = `${q.label}${q.required ? '' : ' (optional)'}${kind ? ` — about ${SENSITIVE_KIND_LABELS[kind]}: only you answer this` : ''}`;
  if (
    q.type === 'yes_no' ||
    ((q.type === 'radio' || q.type === 'select' || q.type === 'combobox') && q.options?.length)
  ) {
    // A yes/no question keeps the form's own wording of yes and no ("Yes, I will require…").
    const options: [string, AnswerValue][] =
      q.type === 'yes_no'
        ? (q.options?.length === 2 ? q.options : ['Yes', 'No']).map((o) => [o, /^\s*yes\b/i.test(o)])
        : (q.options ?? []).map((o) => [o, o]);
    return (
      <fieldset className="choices">
        <legend>{label}</legend>
        {options.map(([text, v]) => (
          <label className="check" key={text}>
            <input type="radio" name={q.key} required={q.required} checked={value === v} onChange={() => onChange(v)} />{' '}
            {text}
          </label>
        ))}
      </fieldset>
    );
  }
  if (q.type === 'checkbox_group') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="choices">
        <legend>{label}</legend>
        {(q.options ?? []).map((o) => (
          <label className="check" key={o}>
            <input
              type="checkbox"
              checked={chosen.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
            />{' '}
            {o}
          </label>
        ))}
      </fieldset>
    );
  }
  if (q.type === 'checkbox') {
    return (
      <label className="check">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    );
  }
  if (q.type === 'textarea') {
    return (
      <Field
        label={label}
        control={(wiring) => (
          <textarea
            {...wiring}
            rows={4}
            required={q.required}
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      />
    );
  }
  const type =
    (
      { email: 'email', tel: 'tel', url: 'url', number: 'number', date: 'date', password: 'password' } as Record<
        string,
        string
      >
    )[q.type] ?? 'text';
  return (
    <Field
      label={label}
      type={type}
      required={q.required}
      value={String(value)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function AnswerForm({ app, onAnswered }: { app: ApplicationSummary; onAnswered: () => void }) {
  const { api } = useServices();
  const questions = app.attention ?? [];
  const [values, setValues] = useState<Record<string, AnswerValue>>(() =>
    Object.fromEntries(questions.map((q) => [q.key, initial(q)])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answers = questions
        .map((q) => ({ question: q.label, answer: values[q.key] ?? initial(q) }))
        .filter((a) => a.answer !== '' && !(Array.isArray(a.answer) && a.answer.length === 0));
      await api.answerApplication(app.id, { answers });
      onAnswered();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (questions.length === 0) return null;
  return (
    <section className="panel panel-warn" aria-labelledby="answer-title">
      <h2 id="answer-title">The form asks something we don't know yet</h2>
      <p className="muted">
        Answer once: we save it to your profile, use it for every form that asks, and try again now.
      </p>
      <form onSubmit={submit} className="stack-form">
        {questions.map((q) => (
          <QuestionInput
            key={q.key}
            q={q}
            value={values[q.key] ?? initial(q)}
            onChange={(v) => setValues({ ...values, [q.key]: v })}
          />
        ))}
        <ErrorNote error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save answers and apply'}
        </button>
      </form>
    </section>
  );
}
