// In a right-swiped card's place on the deck: the questions its form asks that the profile cannot
// answer, each as the control it takes. The swipe has already gone (or waits in the outbox); the
// answers follow it and are saved to the profile like any saved answer, so the application goes
// straight through. "Answer later" leaves them to the application's page.
import { type FormEvent, useEffect, useId, useRef } from 'react';
import type { GivenAnswer } from '../ui/question-input.tsx';
import { useQuestionFields } from '../ui/question-input.tsx';
import type { Asking } from './use-deck.ts';

export function QuestionsCard({
  asking,
  onAnswer,
  onLater,
}: {
  asking: Asking;
  onAnswer: (answers: GivenAnswer[]) => void;
  onLater: () => void;
}) {
  const { job, questions } = asking;
  const { fields, answers } = useQuestionFields(questions);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on what the card now asks.
  useEffect(() => heading.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    onAnswer(answers);
  }

  const n = questions.length;
  return (
    <section className="card card-top card-questions" aria-labelledby={headingId} data-testid="questions-card">
      <header className="card-head">
        <span className="company-mark" aria-hidden="true">
          {job.company.slice(0, 1).toUpperCase()}
        </span>
        <div>
          <p className="card-company">
            {job.company} · {job.title}
          </p>
          <h2 className="card-title" id={headingId} ref={heading} tabIndex={-1}>
            {n === 1 ? 'One question' : `${n} questions`} before it goes out
          </h2>
        </div>
      </header>
      <p className="muted">Answered once, saved to your profile for every form that asks.</p>
      <form onSubmit={submit} className="stack-form">
        {fields}
        <div className="row card-questions-actions">
          <button type="submit" className="btn btn-primary">
            Send answers and apply
          </button>
          <button type="button" className="btn" onClick={onLater}>
            Answer later
          </button>
        </div>
      </form>
    </section>
  );
}
