// What an adapter is: the data and small functions that tell the core what heuristics cannot know
// about one ATS (where the form is, which button starts or advances it, how it says "thank you").
import type { AtsKind } from '../../detect/ats.ts';
import type { Control } from '../controls.ts';
import type { Markers } from '../page-state.ts';
import type { StepInput, StepResult } from '../types.ts';

export interface Adapter {
  ats: AtsKind;
  /** Markers added to the common ones. */
  markers?: Partial<Markers>;
  /** From a posting page into the form (Apply, Apply Manually). */
  start?: Partial<Control>;
  /** To the next page of a wizard. */
  next?: Partial<Control>;
  /** The final submit. */
  submit?: Partial<Control>;
  /** Verifying a lost attempt: true when the page proves no application exists yet. */
  provesNotApplied?(doc: Document): boolean;
  /** Pages that are not a form to fill (an account step): a result, or null to go on as usual. */
  special?(doc: Document, input: StepInput): Promise<StepResult | null> | StepResult | null;
}
