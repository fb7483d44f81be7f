// The user's setting "review drafted answers before submitting": a run that filled any answer a
// model drafted stops before the final submit and hands each one back as a question carrying its
// draft, so the user accepts or edits it. Their answer is then a saved answer like any other: the
// next attempt fills it as the user's, with no model call. Every executor applies the same rule.
import { MAX_DRAFT_CHARS, normalizeQuestion } from '@jobswipe/protocol';
import type { FilledField, Unanswered } from '../core/types.ts';

/**
 * The questions for the model-made answers in `filled`, each with its draft. `asked` holds the
 * questions the model was given, by label, so the user is asked with the form's type and options.
 */
export function draftsToReview(filled: Iterable<FilledField>, asked: ReadonlyMap<string, Unanswered>): Unanswered[] {
  return [...filled]
    .filter((f) => f.source === 'ai')
    .map((f) => {
      const q = asked.get(f.field) ?? {
        key: normalizeQuestion(f.field),
        label: f.field,
        type: 'textarea',
        required: true,
      };
      return { ...q, sensitive: false, draft: f.value.slice(0, MAX_DRAFT_CHARS) };
    });
}

/** Why the run stopped, for the application's detail. */
export function reviewMessage(questions: readonly Unanswered[]): string {
  const list = questions.map((q) => `"${q.label}"`).join(', ');
  return `Nothing was submitted: review the answer${questions.length === 1 ? '' : 's'} the model drafted for ${list}, then JobSwipe applies with yours.`;
}
