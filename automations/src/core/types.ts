// Shapes that cross the page boundary: what a host passes to `core.step` and what it gets back.
// Everything here is plain JSON so Playwright's evaluate and extension messaging can carry it.
import type { AnswerValue, ApplicantProfile, FieldType, FilledField, Question, SavedAnswers } from '@jobswipe/protocol';
import type { JobContext } from '@jobswipe/protocol/device';

/** A file the core puts into a file input (bytes as base64, so it crosses any messaging channel). */
export interface FilePayload {
  name: string;
  mime: string;
  base64: string;
}

export interface StepInput {
  profile: ApplicantProfile;
  answers: SavedAnswers;
  /**
   * Answers a model drafted for this user (by question key) to questions nothing else answers:
   * used only where the profile and saved answers are silent and never for a sensitive question,
   * and recorded as the model's (`source: 'ai'`).
   */
  drafts?: SavedAnswers;
  files: { resume?: FilePayload | null; coverLetter?: FilePayload | null };
  /** Cover letter text for forms that take it typed or pasted. */
  coverLetterText?: string | null;
  /** How many times the final submit has been clicked already in this attempt. */
  submits: number;
  /** Look for proof the application already went through; fill and click nothing. */
  verifyOnly?: boolean;
  /**
   * The applicant's account on this ATS, for sites that require one (Workday), and the exact host
   * (host:port) the password was given for: it is typed on no other.
   */
  account?: { email?: string; password: string; host: string } | null;
  /** The job applied to: its company (questions name it) and country (authorization questions). */
  job?: JobContext | null;
  /**
   * The host clicks Apply / Next / Submit itself with trusted input (Playwright's mouse): the core
   * then says where (`click`) instead of dispatching synthetic events.
   */
  trustedClicks?: boolean;
  /**
   * The `pressed` keys of the steps this attempt already advanced: a page the server renders
   * again after each click gets a fresh core, which would otherwise click the same Next forever,
   * or type a refused password again. Every host keeps it (the page keeps nothing of ours).
   */
  clicked?: string[];
}

/** Where to click, in CSS pixels of the viewport of the frame the core runs in. */
export interface ClickTarget {
  x: number;
  y: number;
}

export type { FilledField, JobContext };

/** An unanswered question, with whether a model may ever answer it (never for sensitive ones). */
export interface Unanswered extends Question {
  sensitive: boolean;
}

/** A control that, read back after filling, does not hold the answer meant for it. */
export interface Mismatch {
  field: string;
  expected: string;
  actual: string;
}

export type StepResult =
  /** Filled what this page asks and clicked a control that leads on (Apply, Next, Continue). */
  | {
      status: 'advanced';
      filled: FilledField[];
      action: string;
      ats: string;
      click?: ClickTarget;
      /** Which control was pressed on which view, for the host to pass back in `StepInput.clicked`. */
      pressed?: string;
    }
  /** Everything is filled; the next click is the final submit (`core.submit()`). */
  | { status: 'ready'; filled: FilledField[]; submitLabel: string; ats: string }
  | { status: 'submitted'; confirmation: string; ats: string }
  | { status: 'needs_user'; questions: Unanswered[]; filled: FilledField[]; ats: string }
  /** Read back after filling, these controls do not hold their answers: never submitted. */
  | { status: 'mismatch'; fields: Mismatch[]; filled: FilledField[]; ats: string }
  | { status: 'login_required'; message: string; ats: string }
  | { status: 'blocked'; message: string; ats: string }
  | { status: 'expired'; message: string; ats: string }
  /** Validation errors are shown that this step could not fix; `questions`: the fields they mark. */
  | { status: 'invalid'; errors: string[]; questions?: Unanswered[]; ats: string }
  /** Verifying: the ATS shows no application exists (it offers the form to a signed-in applicant). */
  | { status: 'not_applied'; message: string; ats: string }
  /** Verifying: nothing on the page says whether the application went through. */
  | { status: 'unknown'; message: string; ats: string }
  /** Nothing to act on yet (page still rendering, or after a submit with no answer yet). */
  | { status: 'waiting'; message: string; ats: string };

/** What `core.fill` did on this page: what it filled, and the required questions it could not answer. */
export interface AutofillReport {
  ats: string;
  filled: FilledField[];
  unanswered: Unanswered[];
}

export interface SubmitResult {
  clicked: string | null;
  /** With `trustedClicks`: where the host must click (the core clicked nothing). */
  click?: ClickTarget;
}

/** One control (or group of controls) as the core sees it. */
export interface DiscoveredField {
  label: string;
  /** name / id / autocomplete attributes, lower-cased: a second opinion when the label is silent. */
  hints: string;
  /** The placeholder the user sees in an empty control. */
  placeholder?: string;
  type: FieldType;
  required: boolean;
  /** The control the user types in or clicks first. */
  element: HTMLElement;
  /** Options with the element to click or select for each (radios, buttons, <option>s). */
  options: Array<{ label: string; element: HTMLElement }>;
  /** Date fields typed as text: the pattern the placeholder shows ("MM/DD/YYYY"). */
  dateFormat?: string;
  /** How the control takes a value. */
  widget:
    | 'text'
    | 'select'
    | 'radio'
    | 'checkbox'
    | 'checkbox_group'
    | 'buttons'
    | 'combobox'
    | 'file'
    | 'date'
    /** A date split into month / day / year controls; `options` are the parts, labelled by what they hold. */
    | 'date_parts';
}

export type { AnswerValue, SavedAnswers };
