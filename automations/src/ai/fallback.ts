// What the runner needs from an AI fallback: fill some non-sensitive questions on the page.
// The Stagehand implementation is in `stagehand-fallback.ts`; the runner knows only this shape.
import type { Question, SavedAnswers } from '@jobswipe/protocol';
import type { Page } from 'playwright-core';
import type { FilledField, Unanswered } from '../core/types.ts';

export interface AiContext {
  /** The page title (job and company), for answers that mention them. */
  pageTitle: string;
  /** Non-sensitive facts about the applicant a model may use. */
  currentTitle: string | null;
  yearsOfExperience: number | null;
}

export interface AiFallback {
  /** Fills what it can of `questions` (all non-sensitive) and says what it filled. */
  fill(page: Page, questions: Unanswered[], context: AiContext): Promise<FilledField[]>;
  close(): Promise<void>;
}

/**
 * A model reached through someone else (the backend's model answers, for executors that hold no
 * model key): drafts answers to non-sensitive questions, which the in-page core then fills like
 * saved answers, recorded as the model's. Questions it leaves out go to the user as usual.
 */
export interface AnswerDrafter {
  /** Drafts for some of `questions` (all non-sensitive), by question key. */
  draft(questions: Question[]): Promise<SavedAnswers>;
}
