// The questions a NEEDS_ATTENTION application waits on, as a form. The answers are saved to the
// profile (so later forms asking the same get them too) and the application is queued again; a
// site's account password is kept encrypted, apart from the profile.
import type { ApplicationSummary } from '@jobswipe/protocol';
import { type FormEvent, useState } from 'react';
import { useServices } from '../services.tsx';
import { ErrorNote } from '../ui/error-note.tsx';
import { useQuestionFields } from '../ui/question-input.tsx';

export function AnswerForm({ app, onAnswered }: { app: ApplicationSummary; onAnswered: () => void }) {
  const { api } = useServices();
  const questions = app.attention ?? [];
  const { fields, answers } = useQuestionFields(questions);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.answerApplication(app.id, { answers });
      onAnswered();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (questions.length === 0) return null;
  // You asked to review the model's drafts: the run stopped before the submit with them filled in.
  const review = questions.every((q) => q.draft !== undefined);
  return (
    <section className="panel panel-warn" aria-labelledby="answer-title">
      <h2 id="answer-title">
        {review ? 'Review the answers the model drafted' : "The form asks something we don't know yet"}
      </h2>
      <p className="muted">
        {review
          ? 'Nothing was submitted. Keep each draft or edit it: your answers are saved to your profile, used for every form that asks, and the application goes through now.'
          : 'Answer once: we save it to your profile, use it for every form that asks, and try again now.'}
      </p>
      <form onSubmit={submit} className="stack-form">
        {fields}
        <ErrorNote error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : review ? 'Use these answers and apply' : 'Save answers and apply'}
        </button>
      </form>
    </section>
  );
}
