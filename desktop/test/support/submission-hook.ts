// Lets a test act at the exact moment the practice ATS records a submission, before it answers
// the browser: the agent can be killed right after its final click, before it could report.
import type { PracticeAts, Submission } from '@jobswipe/practice-ats';

/** Calls `listener` inside the store's `add`, synchronously; returns the undo. */
export function whenSubmitted(ats: PracticeAts, listener: (submission: Submission) => void): () => void {
  const store = ats.submissions;
  const add = store.add;
  store.add = (...args: Parameters<typeof add>) => {
    const submission = add.apply(store, args);
    listener(submission);
    return submission;
  };
  return () => {
    store.add = add;
  };
}
