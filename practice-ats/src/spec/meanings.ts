// Which saved answer answers a form's question by what it means, not by its wording: the answer
// sheet says "Where did you hear about us?" once, and a form asks "How Did You Hear About Us?" or
// "How did you hear about this job?". The answer key's own reading of a question, written apart
// from the engine's, so the engine cannot be graded by its own rules.
import { type AnswerValue, normalizeQuestion, type SavedAnswers } from '@jobswipe/protocol';
import type { QuestionMeaning } from './form-spec.ts';

/** Meanings a saved answer can carry, recognised in its question's words. */
type SheetMeaning = Exclude<QuestionMeaning, 'phoneType'> | 'previouslyEmployed';

const SAYS: Record<SheetMeaning, (question: string) => boolean> = {
  referralSource: (q) =>
    /\b(hear|heard|learn|learned|find out|found out|discover|come across|came across)\b.*\b(about|of)\b/.test(q) ||
    /\b(referral|applicant|candidate) source\b/.test(q),
  // About the employer of the posting ("this company", "us", "here"), never one it names.
  previouslyEmployed: (q) =>
    /\b(worked|employed|been an? employee)\b/.test(q) &&
    /\b(this|our) (company|organi[sz]ation|employer)\b|\b(for|by|at) us\b|\bhere\b/.test(q),
};

/** The one answer the saved answers give to a question of this meaning; none when two disagree. */
export function answerByMeaning(answers: SavedAnswers, means: SheetMeaning): AnswerValue | undefined {
  const found = Object.entries(answers)
    .filter(([question]) => SAYS[means](normalizeQuestion(question)))
    .map(([, answer]) => answer);
  const distinct = new Set(found.map((a) => JSON.stringify(a)));
  return distinct.size === 1 ? found[0] : undefined;
}
