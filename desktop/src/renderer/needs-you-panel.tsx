// Applications waiting on the user's answers: the same questions the web asks, answered here
// through the device API (the answers are saved to the profile and the application is queued
// again). Sensitive questions say that only the user answers them.
import { type AnswerValue, type Question, SENSITIVE_KIND_LABELS, sensitiveKindOf } from '@jobswipe/protocol';
import { type FormEvent, useState } from 'react';
import type { JobSwipeBridge, NeedsYouItem } from '../shared/ipc.ts';
import { bridgeError } from './use-desktop.ts';

function initial(q: Question): AnswerValue {
  if (q.type === 'checkbox_group') return [];
  if (q.type === 'checkbox') return false;
  return '';
}

function labelOf(q: Question): string {
  const kind = sensitiveKindOf(q.label);
  const about = kind ? ` (about ${SENSITIVE_KIND_LABELS[kind]}: only you answer this)` : '';
  return `${q.label}${q.required ? '' : ' (optional)'}${about}`;
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
  const label = labelOf(q);
  if (q.type === 'checkbox') {
    return (
      <label className="choice">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
    );
  }
  if (q.type === 'checkbox_group' && q.options?.length) {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset>
        <legend>{label}</legend>
        {q.options.map((option) => (
          <label key={option} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, option] : chosen.filter((o) => o !== option))}
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  }
  const options = q.type === 'yes_no' && !q.options?.length ? ['Yes', 'No'] : q.options;
  if (options?.length && q.type !== 'text' && q.type !== 'textarea') {
    return (
      <label>
        {label}
        <select value={String(value)} onChange={(e) => onChange(e.target.value)} required={q.required}>
          <option value="">Choose…</option>
          {options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      </label>
    );
  }
  if (q.type === 'textarea') {
    return (
      <label>
        {label}
        <textarea value={String(value)} onChange={(e) => onChange(e.target.value)} required={q.required} />
      </label>
    );
  }
  return (
    <label>
      {label}
      <input value={String(value)} onChange={(e) => onChange(e.target.value)} required={q.required} />
    </label>
  );
}

function AnswerForm({ bridge, item }: { bridge: JobSwipeBridge; item: NeedsYouItem }) {
  const [values, setValues] = useState<AnswerValue[]>(() => item.questions.map(initial));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answers = item.questions.map((q, i) => ({ question: q.label, answer: values[i] ?? initial(q) }));
    bridge
      .answer({ applicationId: item.applicationId, answers })
      .catch((err: unknown) => setError(bridgeError(err)))
      .finally(() => setBusy(false));
  };
  const title = `${item.title} at ${item.company}`;
  return (
    <form className="form" onSubmit={submit} aria-label={`Answers for ${title}`}>
      <h3>{title}</h3>
      {item.reason && <p className="muted">{item.reason}</p>}
      {item.questions.map((q, i) => (
        <QuestionInput
          key={q.key}
          q={q}
          value={values[i] ?? initial(q)}
          onChange={(v) => setValues((before) => before.map((old, j) => (j === i ? v : old)))}
        />
      ))}
      {error && (
        <p className="note note-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Sending…' : 'Send answers'}
      </button>
    </form>
  );
}

export function NeedsYouPanel({ bridge, items }: { bridge: JobSwipeBridge; items: NeedsYouItem[] }) {
  return (
    <section className="panel" aria-labelledby="needs-you-title" data-testid="needs-you">
      <h2 id="needs-you-title">Needs you</h2>
      {items.length ? (
        items.map((item) => <AnswerForm key={item.applicationId} bridge={bridge} item={item} />)
      ) : (
        <p className="muted">
          Nothing waits on you. Questions an application needs you for appear here and on the web.
        </p>
      )}
    </section>
  );
}
