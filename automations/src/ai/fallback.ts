// What the runner needs from an AI fallback: fill some non-sensitive questions on the page.
// The Stagehand implementation is in `stagehand-fallback.ts`; the runner knows only this shape.
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
