// What the extension's own pages (popup, options) and its autofill script on a form ask the
// service worker (runtime messages inside the extension).
import type { AutofillReport, StepInput } from '@jobswipe/automations/core/types';
import type { ByHandResponse } from '@jobswipe/protocol';
import type { TypedAnswer } from '../autofill/typed-answers.ts';
import type { ExecutorState } from './executor.ts';
import type { FilledPage, Settings } from './stored.ts';

export type PopupRequest =
  | { type: 'state' }
  | { type: 'pair'; server: string; code: string }
  | { type: 'settings'; settings: Partial<Settings> }
  | { type: 'signOut' };

export type PopupReply = { ok: true; state: ExecutorState; settings: Settings } | { ok: false; error: string };

/** From the autofill script in a tab showing a form the user opened. */
export type AutofillRequest =
  /**
   * Whether to offer the button here, whether this tab's form was filled and awaits the user's
   * submit, and whether the user folded the panel on this site.
   */
  | { type: 'autofill.state' }
  /** What to fill the form with. */
  | { type: 'autofill.input' }
  /** The form was filled: remember the page until the user submits it. */
  | { type: 'autofill.filled'; page: FilledPage; report: AutofillReport }
  /** The user folded (or unfolded) the panel on this site: it starts that way on the site's next pages. */
  | { type: 'autofill.fold'; folded: boolean }
  /** The user turned the autofill off on this site (from the button). */
  | { type: 'autofill.siteOff' }
  /** What the user typed by hand in the fields the fill left empty, as the user submits. */
  | { type: 'autofill.typed'; answers: TypedAnswer[] }
  /** The page now shows the ATS's confirmation of the user's submit. */
  | { type: 'autofill.submitted'; confirmation: string }
  /** The typed answers the user chose to save for future forms. */
  | { type: 'autofill.saveAnswers'; answers: TypedAnswer[] };

export type AutofillReply<T extends AutofillRequest['type']> = T extends 'autofill.state'
  ? { offer: boolean; filled: boolean; folded: boolean }
  : T extends 'autofill.input'
    ? { ok: true; input: StepInput } | { ok: false; error: string }
    : T extends 'autofill.submitted'
      ? // toSave: the answers the user typed on the form, to offer to save.
        { ok: true; recorded: ByHandResponse; toSave: TypedAnswer[] } | { ok: false; error: string }
      : T extends 'autofill.saveAnswers'
        ? { ok: true; saved: number } | { ok: false; error: string }
        : { ok: true };
