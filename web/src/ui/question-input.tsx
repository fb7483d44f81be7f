// A form's question as the control it asks for: yes/no and choices as radio buttons (a long list
// as a select), several choices as checkboxes, dates, numbers and text as their own inputs. Used
// wherever the user answers what a form asks: a card's questions at the swipe, and a
// NEEDS_ATTENTION application's. The answers are what the API takes (AnswerBody, SwipeBody).
import type { AnswerValue, Question } from '@jobswipe/protocol';
import { SENSITIVE_KIND_LABELS, sensitiveKindOf } from '@jobswipe/protocol/sensitive';
import { useState } from 'react';
import { Field } from './field.tsx';

/** Past this many options a choice is a select: a column of radios would push the form off a phone's screen. */
const RADIO_MAX = 6;

/** What a question starts with: blank, or the model's draft the user reviews (accepted as it is, or edited). */
function initial(q: Question): AnswerValue {
  const draft = q.draft?.trim();
  if (q.type === 'checkbox_group') return draft && q.options?.includes(draft) ? [draft] : [];
  if (q.type === 'checkbox') return draft ? /^(yes|true)\b/i.test(draft) : false;
  if (q.type === 'yes_no' && draft) return /^\s*yes\b/i.test(draft);
  return draft ?? '';
}

const INPUT_TYPES: Partial<Record<Question['type'], string>> = {
  email: 'email',
  tel: 'tel',
  url: 'url',
  number: 'number',
  date: 'date',
  password: 'password',
};

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
  const label = `${q.label}${q.required ? '' : ' (optional)'}${kind ? ` — about ${SENSITIVE_KIND_LABELS[kind]}: only you answer this` : ''}${q.draft ? ' — drafted by the model: keep it or edit it' : ''}`;
  const choice = (q.type === 'radio' || q.type === 'select' || q.type === 'combobox') && Boolean(q.options?.length);
  if (choice && (q.options?.length ?? 0) > RADIO_MAX) {
    return (
      <Field
        label={label}
        control={(wiring) => (
          <select {...wiring} required={q.required} value={String(value)} onChange={(e) => onChange(e.target.value)}>
            <option value="">Choose…</option>
            {(q.options ?? []).map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        )}
      />
    );
  }
  if (q.type === 'yes_no' || choice) {
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
  return (
    <Field
      label={label}
      type={INPUT_TYPES[q.type] ?? 'text'}
      {...(q.type === 'number' ? { inputMode: 'decimal' as const, step: 'any' } : {})}
      required={q.required}
      value={String(value)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export interface GivenAnswer {
  question: string;
  answer: AnswerValue;
}

/**
 * The inputs for `questions` and the answers given so far (blank ones left out), keyed by each
 * question's label as the API takes them.
 */
export function useQuestionFields(questions: Question[]) {
  const [values, setValues] = useState<Record<string, AnswerValue>>(() =>
    Object.fromEntries(questions.map((q) => [q.key, initial(q)])),
  );
  const answers: GivenAnswer[] = questions
    .map((q) => ({ question: q.label, answer: values[q.key] ?? initial(q) }))
    .filter((a) => a.answer !== '' && !(Array.isArray(a.answer) && a.answer.length === 0));
  const fields = questions.map((q) => (
    <QuestionInput
      key={q.key}
      q={q}
      value={values[q.key] ?? initial(q)}
      onChange={(v) => setValues((all) => ({ ...all, [q.key]: v }))}
    />
  ));
  return { fields, answers };
}
