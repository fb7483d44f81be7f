// Everything JobSwipe fills in for the user: their saved answers and the profile fields the engine
// uses, where each was used, and a flag on what a form refused; each can be edited or deleted here.
import {
  type AnswerUsage,
  type AnswerValue,
  answerRef,
  type ProfileView,
  profileRef,
  type SavedAnswerView,
} from '@jobswipe/protocol';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link } from '../router.tsx';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { useResource } from '../ui/use-resource.ts';
import {
  editText,
  type FieldKind,
  fieldValue,
  hasValue,
  PROFILE_FIELDS,
  type ProfileField,
  profileChange,
  showValue,
} from './profile-fields.ts';

/** Where it was used: a count, and the applications on request. */
function Uses({ usage }: { usage: AnswerUsage | undefined }) {
  const uses = usage?.uses ?? [];
  if (uses.length === 0) return <p className="muted small">Not used in an application yet.</p>;
  return (
    <details className="uses">
      <summary className="small">
        Used in {uses.length} application{uses.length === 1 ? '' : 's'}
      </summary>
      <ul className="small">
        {uses.map((u) => (
          <li key={`${u.applicationId}:${u.field}`}>
            <Link to={`/applications/${u.applicationId}`}>
              {u.title} at {u.company}
            </Link>{' '}
            — “{u.field}”: {u.value}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Refused({ usage }: { usage: AnswerUsage | undefined }) {
  if (!usage?.refused) return null;
  return (
    <div className="note note-error" data-testid="refused">
      <p>
        <strong>A form refused this.</strong> {usage.refused.message}{' '}
        <Link to={`/applications/${usage.refused.applicationId}`}>See the application</Link>
      </p>
    </div>
  );
}

/** The editor for one value, typed by its kind; Save answers with the text (yes/no as "yes"/"no"). */
function Editor(props: {
  label: string;
  kind: FieldKind;
  initial: string;
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSave(text);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  const inputType = props.kind === 'number' ? 'number' : props.kind === 'date' ? 'date' : 'text';
  return (
    <form className="answer-editor" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{props.label}</label>
      {props.kind === 'yesno' ? (
        <select id={id} value={text} onChange={(e) => setText(e.target.value)}>
          <option value="">Not set</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      ) : (
        <input id={id} type={inputType} value={text} onChange={(e) => setText(e.target.value)} />
      )}
      {props.kind === 'list' && <p className="hint">Separate several with commas.</p>}
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One saved answer or profile field: its value, where it was used, and Edit / Delete. */
function Item(props: {
  title: string;
  value: string;
  kind: FieldKind;
  initial: string;
  usage: AnswerUsage | undefined;
  onSave: (text: string) => Promise<void>;
  onDelete: (() => Promise<void>) | null;
  extra?: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <li className={`answer-item${props.usage?.refused ? ' answer-refused' : ''}`} data-testid="answer-item">
      <div className="answer-head">
        <h3 className="answer-title">{props.title}</h3>
        {!editing && (
          <div className="row">
            {props.extra ??
              (props.kind !== 'step' && (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Edit ${props.title}`}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </button>
              ))}
            {props.onDelete && (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Delete ${props.title}`}
                onClick={() => {
                  setError(null);
                  props.onDelete?.().catch(setError);
                }}
              >
                Delete
              </button>
            )}
          </div>
        )}
      </div>
      {editing ? (
        <Editor
          label={props.title}
          kind={props.kind}
          initial={props.initial}
          onCancel={() => setEditing(false)}
          onSave={async (text) => {
            await props.onSave(text);
            setEditing(false);
          }}
        />
      ) : (
        <p className="answer-value">{props.value}</p>
      )}
      <ErrorNote error={error} />
      <Refused usage={props.usage} />
      <Uses usage={props.usage} />
    </li>
  );
}

function answerKind(answer: AnswerValue): FieldKind {
  if (typeof answer === 'boolean') return 'yesno';
  return Array.isArray(answer) ? 'list' : 'text';
}

function answerFromText(kind: FieldKind, text: string): AnswerValue {
  if (kind === 'yesno') return text === 'yes';
  if (kind === 'list') {
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return text.trim();
}

function showAnswer(answer: AnswerValue): string {
  if (typeof answer === 'boolean') return answer ? 'Yes' : 'No';
  return Array.isArray(answer) ? answer.join(', ') : answer;
}

/** The usage of a profile field: every ref under its path (the engine may add a note after it). */
function fieldUsage(usage: AnswerUsage[], path: string): AnswerUsage | undefined {
  const ref = profileRef(path);
  const mine = usage.filter((u) => u.ref === ref || u.ref.startsWith(`${ref} `) || u.ref.startsWith(`${ref}.`));
  if (mine.length <= 1) return mine[0];
  const uses = mine.flatMap((u) => u.uses).sort((a, b) => b.at.localeCompare(a.at));
  return { ref, uses, refused: mine.find((u) => u.refused)?.refused ?? null };
}

export function AnswersPage() {
  const { api } = useServices();
  const answers = useResource(() => api.answers());
  const profile = useResource(() => api.profile());
  const usage = useResource(() => api.answerUsage());
  const all = usage.data?.usage ?? [];
  const byRef = new Map(all.map((u) => [u.ref, u]));
  const refusedCount = all.filter((u) => u.refused).length;

  async function saveAnswer(a: SavedAnswerView, answer: AnswerValue | null) {
    const next = await api.saveAnswers({ answers: [{ question: a.question, answer }] });
    answers.set(() => next);
  }

  async function saveField(p: ProfileView, field: ProfileField, text: string | null) {
    const next = await api.saveProfile(profileChange(p, field, text));
    profile.set(() => next);
  }

  return (
    <main className="page" id="main">
      <h1>Your answers</h1>
      <p className="muted">
        Everything JobSwipe fills in for you: the answers you saved and your profile. See where each was used, and
        change or delete it; the next applications use what is here.
      </p>
      {refusedCount > 0 && (
        <p className="note note-warn" role="status">
          A form refused {refusedCount === 1 ? 'one of your answers' : `${refusedCount} of your answers`}: it is marked
          below.
        </p>
      )}
      <ErrorNote error={usage.error} onRetry={() => void usage.reload()} />

      <section className="panel" aria-labelledby="saved-title">
        <h2 id="saved-title">Saved answers</h2>
        <ErrorNote error={answers.error} onRetry={() => void answers.reload()} />
        {answers.data && answers.data.answers.length === 0 && (
          <p className="muted">
            No saved answers yet. When a form asks something your profile does not cover, your answer is saved here.
          </p>
        )}
        {answers.data && answers.data.answers.length > 0 && (
          <ul className="answer-list">
            {answers.data.answers.map((a) => (
              <Item
                key={a.questionKey}
                title={a.question}
                value={showAnswer(a.answer)}
                kind={answerKind(a.answer)}
                initial={
                  Array.isArray(a.answer)
                    ? a.answer.join(', ')
                    : typeof a.answer === 'boolean'
                      ? a.answer
                        ? 'yes'
                        : 'no'
                      : a.answer
                }
                usage={byRef.get(answerRef(a.questionKey))}
                onSave={(text) => saveAnswer(a, answerFromText(answerKind(a.answer), text))}
                onDelete={() => saveAnswer(a, null)}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">Your profile</h2>
        <ErrorNote error={profile.error} onRetry={() => void profile.reload()} />
        {profile.data && (
          <ul className="answer-list">
            {PROFILE_FIELDS.map((field) => {
              const p = profile.data as ProfileView;
              const value = fieldValue(p, field.path);
              return (
                <Item
                  key={field.path}
                  title={field.label}
                  value={showValue(field, value)}
                  kind={field.kind}
                  initial={editText(field, value)}
                  usage={fieldUsage(all, field.path)}
                  onSave={(text) => saveField(p, field, text)}
                  onDelete={field.kind === 'step' || !hasValue(value) ? null : () => saveField(p, field, null)}
                  extra={
                    field.kind === 'step' ? (
                      <Link className="btn btn-small" to="/onboarding">
                        Edit in your profile
                      </Link>
                    ) : undefined
                  }
                />
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
